import { Form } from 'react-router';
import type { RanksDto } from '../../../server/modules/rewards/rewards.schemas.ts';
import { text } from '../../lib/errors.ts';
import { useT } from '../../lib/i18n.ts';
import { SubmitButton } from '../form.tsx';

const METRICS = ['minPoints', 'minSolutions', 'minKudos', 'minTenureDays'] as const;

/** The admins' editor of the ordered ranks: a row per rank plus an empty one; a blank name drops a row. */
export function RanksEditor({ ranks, errors }: { ranks: RanksDto; errors: Record<string, string> }) {
  const t = useT();
  const rows = [...ranks.items, null];
  return (
    <Form method="post" aria-labelledby="ranks-title">
      <input type="hidden" name="intent" value="ranks" />
      <h2 id="ranks-title">{t('points.admin.ranks')}</h2>
      <p className="meta">{t('points.admin.ranksHelp')}</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('points.admin.rankName')}</th>
              {METRICS.map((m) => (
                <th scope="col" key={m}>
                  {t(`points.admin.${m}`)}
                </th>
              ))}
              <th scope="col">{t('points.admin.minReliability')}</th>
              <th scope="col">{t('points.admin.skipsPremoderation')}</th>
              <th scope="col">{t('points.admin.marksAnySolution')}</th>
              <th scope="col">{t('points.admin.holders')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((rank, i) => {
              const label = rank?.name ?? t('points.admin.newRank');
              const error = (field: string) => errors[`/ranks/${i}/${field}`];
              return (
                <tr key={rank?.id ?? `row-${i}`}>
                  <td>
                    <input
                      name={`rank.${i}.name`}
                      defaultValue={rank?.name ?? ''}
                      maxLength={40}
                      aria-label={`${t('points.admin.rankName')} ${i + 1}`}
                      aria-invalid={error('name') ? true : undefined}
                    />
                    {error('name') ? <p className="field__error">{error('name')}</p> : null}
                  </td>
                  {METRICS.map((m) => (
                    <td key={m}>
                      <input
                        type="number"
                        min={0}
                        name={`rank.${i}.${m}`}
                        defaultValue={rank ? rank[m] : ''}
                        aria-label={`${label} — ${t(`points.admin.${m}`)}`}
                        aria-invalid={error(m) ? true : undefined}
                      />
                      {error(m) ? <p className="field__error">{error(m)}</p> : null}
                    </td>
                  ))}
                  <td>
                    <input
                      type="number"
                      min={0}
                      max={100}
                      name={`rank.${i}.minReliability`}
                      defaultValue={rank?.minReliability ?? ''}
                      placeholder={t('points.admin.noReliability')}
                      aria-label={`${label} — ${t('points.admin.minReliability')}`}
                      aria-invalid={error('minReliability') ? true : undefined}
                    />
                    {error('minReliability') ? (
                      <p className="field__error">{error('minReliability')}</p>
                    ) : null}
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      name={`rank.${i}.skipsPremoderation`}
                      defaultChecked={rank?.skipsPremoderation ?? false}
                      aria-label={`${label} — ${t('points.admin.skipsPremoderation')}`}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      name={`rank.${i}.marksAnySolution`}
                      defaultChecked={rank?.marksAnySolution ?? false}
                      aria-label={`${label} — ${t('points.admin.marksAnySolution')}`}
                    />
                  </td>
                  <td>{rank ? rank.membersCount : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <SubmitButton>{t('points.admin.saveRanks')}</SubmitButton>
    </Form>
  );
}

/** Reads the ranks editor's rows (blank names dropped) into `updateRanks` input. */
export function ranksFromForm(form: FormData, read: (name: string) => number | string) {
  const ranks = [];
  for (let i = 0; form.has(`rank.${i}.name`); i++) {
    const name = text(form, `rank.${i}.name`).trim();
    if (!name) continue;
    ranks.push({
      name,
      minPoints: read(`rank.${i}.minPoints`),
      minSolutions: read(`rank.${i}.minSolutions`),
      minKudos: read(`rank.${i}.minKudos`),
      minTenureDays: read(`rank.${i}.minTenureDays`),
      // Blank: no reliability asked (a 0 would still exclude members not scored yet).
      minReliability:
        text(form, `rank.${i}.minReliability`).trim() === '' ? null : read(`rank.${i}.minReliability`),
      skipsPremoderation: form.get(`rank.${i}.skipsPremoderation`) === 'on',
      marksAnySolution: form.get(`rank.${i}.marksAnySolution`) === 'on',
    });
  }
  return ranks;
}
