import { Form, Link, useActionData } from 'react-router';
import { Field, FormMessage, SubmitButton } from '../components/form.tsx';
import { appContext } from '../context.ts';
import { attempt, guard } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';
import { numberField } from '../components/points/path-errors.ts';
import { QuotaFillList } from '../components/recruitment/quota-fill.tsx';
import type { Route } from './+types/research-panel.ts';
import { useCommunity } from './community.tsx';

export async function loader({ context, params }: Route.LoaderArgs) {
  const web = context.get(appContext);
  return guard(web.locale, async () => ({
    health: await web.api.getPanelHealth(params.slug),
    flagged: await web.api.listFlaggedMembers(params.slug),
    settings: await web.api.getPanelSettings(params.slug),
    // Panel staff also run recruitment (the same policy predicate): the open campaigns' quota fill.
    campaigns: (await web.api.listCampaigns(params.slug)).items.filter(
      (c) => c.open && c.quotaFill.length > 0,
    ),
  }));
}

export const meta = titled('panel.title');

const SETTINGS = [
  'probationActivities',
  'probationDays',
  'reviewThreshold',
  'speedingPercent',
  'dormantDays',
] as const;

/** Changes the panel settings (community admins). */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const input = Object.fromEntries(SETTINGS.map((name) => [name, numberField(form, name)]));
  return attempt(web.locale, async () => {
    await web.api.updatePanelSettings(params.slug, input);
    return { saved: true };
  });
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

/**
 * The panel's health and quality (staff): members by stage, monthly participation and attrition, the
 * average reliability, the quota fill of open recruitment campaigns, the members flagged for review, and
 * the panel settings (admins change them).
 */
export default function PanelPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const community = useCommunity();
  const result = useActionData<typeof action>();
  const errors = result && 'fieldErrors' in result ? result : null;
  const { health, flagged, settings, campaigns } = loaderData;
  const base = `/c/${community.slug}/research`;
  return (
    <section>
      <p className="meta">
        <Link to={base}>{t('research.list.title')}</Link> ·{' '}
        <Link to={`${base}/probation`}>{t('panel.probation.title')}</Link>
      </p>
      <h1>{t('panel.title')}</h1>
      <h2>{t('panel.health.title')}</h2>
      <dl className="stats">
        {(['probation', 'active', 'dormant', 'removed'] as const).map((stage) => (
          <div key={stage}>
            <dt>{t(`panel.stage.${stage}`)}</dt>
            <dd>{health.stages[stage]}</dd>
          </div>
        ))}
        <div>
          <dt>{t('panel.health.averageReliability')}</dt>
          <dd>
            {health.averageReliability === null
              ? t('panel.reliability.none')
              : t('panel.health.averageOf', {
                  average: health.averageReliability,
                  count: health.scoredMembers,
                })}
          </dd>
        </div>
      </dl>
      <div className="table-wrap">
        <table>
          <caption>{t('panel.health.monthly')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('panel.health.month')}</th>
              <th scope="col">{t('panel.health.members')}</th>
              <th scope="col">{t('panel.health.participation')}</th>
              <th scope="col">{t('panel.health.attrition')}</th>
            </tr>
          </thead>
          <tbody>
            {health.months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{m.month}</th>
                <td>{m.members}</td>
                <td>
                  {t('panel.health.rate', {
                    count: m.participants,
                    rate: percent(m.participants, m.members),
                  })}
                </td>
                <td>
                  {t('panel.health.rate', {
                    count: m.removed,
                    rate: percent(m.removed, m.members + m.removed),
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('panel.health.quotaFill')}</h3>
      {campaigns.length === 0 ? (
        <p className="meta">
          {t('panel.health.noQuotas')}{' '}
          <Link to={`/c/${community.slug}/recruitment`}>{t('recruitment.campaigns.title')}</Link>
        </p>
      ) : (
        campaigns.map((c) => (
          <div key={c.id}>
            <h4>{c.name}</h4>
            <QuotaFillList cells={c.quotaFill} />
          </div>
        ))
      )}

      <h2>{t('panel.flagged.title')}</h2>
      <p className="meta">{t('panel.flagged.help', { threshold: flagged.threshold })}</p>
      {flagged.items.length === 0 ? (
        <p className="empty">{t('panel.flagged.empty')}</p>
      ) : (
        <ul className="cards">
          {flagged.items.map((m) => (
            <li key={m.memberId} className="card">
              <h3>
                <Link to={`${base}/members/${m.memberId}`}>{m.pseudonym}</Link>
              </h3>
              <p className="meta">
                {t(`panel.memberStage.${m.panelStage}`)} ·{' '}
                {m.score === null
                  ? t('panel.reliability.none')
                  : t('panel.reliability.score', { score: m.score })}
                {m.lowScore ? <> · {t('panel.flagged.lowScore')}</> : null}
              </p>
              {m.duplicates.map((d) => (
                <p key={d.memberId}>
                  {t('panel.duplicates.of', { pseudonym: d.pseudonym })}{' '}
                  {d.reasons.map((r) => t(`panel.duplicates.reason.${r}`)).join(', ')}
                </p>
              ))}
            </li>
          ))}
        </ul>
      )}

      <h2>{t('panel.settings.title')}</h2>
      {community.abilities.configurePanel ? (
        <Form method="post" noValidate>
          <FormMessage
            error={errors?.formError}
            success={result && 'saved' in result ? t('panel.settings.saved') : null}
          />
          {SETTINGS.map((name) => (
            <Field
              key={name}
              label={t(`panel.settings.${name}`)}
              name={name}
              type="number"
              inputMode="numeric"
              required
              defaultValue={String(settings[name])}
              error={errors?.fieldErrors[name]}
            />
          ))}
          <SubmitButton>{t('panel.settings.save')}</SubmitButton>
        </Form>
      ) : (
        <dl className="stats">
          {SETTINGS.map((name) => (
            <div key={name}>
              <dt>{t(`panel.settings.${name}`)}</dt>
              <dd>{settings[name]}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
