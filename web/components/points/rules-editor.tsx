import { Form } from 'react-router';
import type { PointRulesDto } from '../../../server/modules/rewards/rewards.schemas.ts';
import { useT } from '../../lib/i18n.ts';
import { Field, SubmitButton } from '../form.tsx';

/** The admins' editor of point rules (amount, daily cap, on/off) and of the points settings. */
export function RulesEditor({ rules, errors }: { rules: PointRulesDto; errors: Record<string, string> }) {
  const t = useT();
  return (
    <Form method="post" aria-labelledby="rules-title">
      <input type="hidden" name="intent" value="rules" />
      <h2 id="rules-title">{t('points.admin.rules')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('points.admin.action')}</th>
              <th scope="col">{t('points.admin.points')}</th>
              <th scope="col">{t('points.admin.cap')}</th>
              <th scope="col">{t('points.admin.enabled')}</th>
            </tr>
          </thead>
          <tbody>
            {rules.rules.map((r, i) => {
              const label = t(`points.action.${r.action}`);
              const pointsError = errors[`/rules/${i}/points`];
              const capError = errors[`/rules/${i}/dailyCap`];
              return (
                <tr key={r.action}>
                  <th scope="row">{label}</th>
                  <td>
                    <input
                      type="number"
                      name={`points.${r.action}`}
                      defaultValue={r.points}
                      min={0}
                      max={10000}
                      aria-label={`${label} — ${t('points.admin.points')}`}
                      aria-invalid={pointsError ? true : undefined}
                    />
                    {pointsError ? <p className="field__error">{pointsError}</p> : null}
                  </td>
                  <td>
                    <input
                      type="number"
                      name={`cap.${r.action}`}
                      defaultValue={r.dailyCap ?? ''}
                      min={1}
                      aria-label={`${label} — ${t('points.admin.cap')}`}
                      aria-invalid={capError ? true : undefined}
                    />
                    {capError ? <p className="field__error">{capError}</p> : null}
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      name={`enabled.${r.action}`}
                      defaultChecked={r.enabled}
                      aria-label={`${label} — ${t('points.admin.enabled')}`}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="meta">{t('points.admin.capHelp')}</p>
      <Field
        label={t('points.admin.reviewHours')}
        name="reviewHours"
        type="number"
        min={0}
        max={2160}
        required
        defaultValue={rules.settings.reviewHours}
        error={errors['/settings/reviewHours']}
      />
      <Field
        label={t('points.admin.pairDailyCap')}
        name="pairDailyCap"
        type="number"
        min={1}
        required
        defaultValue={rules.settings.pairDailyCap ?? ''}
        error={errors['/settings/pairDailyCap']}
      />
      <Field
        label={t('points.admin.burstPoints')}
        name="burstPoints"
        type="number"
        min={1}
        required
        defaultValue={rules.settings.burstPoints ?? ''}
        help={t('points.admin.burstHelp')}
        error={errors['/settings/burstPoints']}
      />
      <SubmitButton>{t('points.admin.saveRules')}</SubmitButton>
    </Form>
  );
}
