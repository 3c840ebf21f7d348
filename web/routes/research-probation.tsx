import { Form, Link, useActionData } from 'react-router';
import { LocalTime } from '../components/bits.tsx';
import { Field, FormMessage } from '../components/form.tsx';
import { appContext } from '../context.ts';
import { attempt, guard, text, withExtra } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';
import type { Route } from './+types/research-probation.ts';
import { useCommunity } from './community.tsx';

export async function loader({ context, params }: Route.LoaderArgs) {
  const web = context.get(appContext);
  return guard(web.locale, () => web.api.listProbation(params.slug));
}

export const meta = titled('panel.probation.title');

/** Confirms a member on probation or removes them (`decision`, with an optional note). */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const memberId = text(form, 'memberId');
  const result = await attempt(web.locale, () =>
    web.api.decideProbation(params.slug, memberId, {
      decision: text(form, 'decision'),
      note: text(form, 'note'),
    }),
  );
  return withExtra(result, { memberId });
}

/**
 * The members on probation and how each is doing (staff): activities done and days elapsed against the
 * community's probation, reliability score; due ones first, with the confirm and remove decisions.
 */
export default function ProbationPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const community = useCommunity();
  const result = useActionData<typeof action>();
  const base = `/c/${community.slug}/research`;
  const refusal = result && 'formError' in result ? result : null;
  return (
    <section>
      <p className="meta">
        <Link to={base}>{t('research.list.title')}</Link> ·{' '}
        <Link to={`${base}/panel`}>{t('panel.title')}</Link>
      </p>
      <h1>{t('panel.probation.title')}</h1>
      <p className="meta">
        {t('panel.probation.rule', {
          activities: loaderData.probationActivities,
          days: loaderData.probationDays,
        })}
      </p>
      <FormMessage
        error={refusal?.formError}
        success={result && 'panelStage' in result ? t(`panel.probation.done.${result.panelStage}`) : null}
      />
      {loaderData.items.length === 0 ? (
        <p className="empty">{t('panel.probation.empty')}</p>
      ) : (
        <ul className="cards">
          {loaderData.items.map((m) => (
            <li key={m.memberId} className="card">
              <h2>
                <Link to={`${base}/members/${m.memberId}`}>{m.pseudonym}</Link>
                {m.due ? <span className="badge">{t('panel.probation.due')}</span> : null}
              </h2>
              <p className="meta">
                {t('panel.probation.since')} <LocalTime iso={m.startedAt} />
              </p>
              <p>
                {t('panel.probation.activities', {
                  count: m.activities,
                  total: loaderData.probationActivities,
                })}{' '}
                · {t('panel.probation.days', { count: m.days, total: loaderData.probationDays })} ·{' '}
                {m.score === null
                  ? t('panel.reliability.none')
                  : t('panel.reliability.score', { score: m.score })}
              </p>
              <Form method="post" className="inline-form">
                <input type="hidden" name="memberId" value={m.memberId} />
                <Field label={t('panel.probation.note')} name="note" maxLength={2000} />
                <p className="actions">
                  <button type="submit" name="decision" value="confirm" className="button">
                    {t('panel.probation.confirm')}
                  </button>{' '}
                  <button type="submit" name="decision" value="remove" className="button button--secondary">
                    {t('panel.probation.remove')}
                  </button>
                </p>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
