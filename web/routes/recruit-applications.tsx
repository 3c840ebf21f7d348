import { Form, Link, useActionData } from 'react-router';
import { LocalTime, NextPage } from '../components/bits.tsx';
import { FormMessage } from '../components/form.tsx';
import { appContext } from '../context.ts';
import { attempt, guard, text } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';
import { requireAbility } from '../lib/staff.ts';
import type { Route } from './+types/recruit-applications.ts';

/** An answer as text: choices joined, grids as JSON. */
function shown(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(', ');
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

const STATUSES = ['qualified', 'over_quota', 'disqualified', 'waitlisted', 'offered', 'admitted'] as const;

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  await requireAbility(web, params.slug, 'manageRecruitment', request);
  const url = new URL(request.url);
  const query: Record<string, string> = {};
  for (const key of ['status', 'campaign', 'cursor']) {
    const value = url.searchParams.get(key);
    if (value) query[key] = value;
  }
  const list = await guard(web.locale, () => web.api.listApplications(params.slug, query));
  return { ...list, status: query.status ?? '', campaign: query.campaign ?? '' };
}

export const meta = titled('recruitment.applications.title');

/**
 * A staff decision on one application: qualify (past a full quota only with the "override" box ticked),
 * disqualify, or record a phone call with a note.
 */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const id = text(form, 'applicationId');
  const note = text(form, 'note');
  const result = await attempt(web.locale, () =>
    web.api.decideApplication(params.slug, id, {
      decision: text(form, 'decision'),
      ...(note ? { note } : {}),
      ...(form.get('overrideQuota') === 'on' ? { overrideQuota: true } : {}),
    }),
  );
  return { id, ...result };
}

/**
 * The applications (staff), a page at a time with a link to the next: lifecycle stage, contact details,
 * answers, and the decisions at hand.
 */
export default function RecruitApplications({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  const result = useActionData<typeof action>() as
    { id: string; fieldErrors?: Record<string, string>; formError?: string | null } | undefined;
  return (
    <section>
      <p className="meta">
        <Link to={`/c/${params.slug}/recruitment`}>{t('recruitment.campaigns.title')}</Link>
      </p>
      <h1>{t('recruitment.applications.title')}</h1>
      <Form method="get" className="filters">
        <label>
          {t('recruitment.applications.status')}{' '}
          <select name="status" defaultValue={loaderData.status}>
            <option value="">{t('recruitment.applications.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`recruitment.status.${s}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        {loaderData.campaign ? <input type="hidden" name="campaign" value={loaderData.campaign} /> : null}
        <button type="submit" className="button button--secondary">
          {t('recruitment.applications.filter')}
        </button>
      </Form>
      {loaderData.items.length === 0 ? <p className="empty">{t('recruitment.applications.empty')}</p> : null}
      <ul className="applications">
        {loaderData.items.map((a) => (
          <li key={a.id} className="card">
            <h2>
              {a.pseudonym} — {t(`recruitment.stage.${a.stage}`)}
              {a.waitlistPosition !== null
                ? ` (${t('recruitment.applications.position', { position: a.waitlistPosition })})`
                : ''}
            </h2>
            <p>
              {a.name} · {a.email} · {a.phone} · <LocalTime iso={a.appliedAt} />
            </p>
            <p className="meta">
              {t('recruitment.applications.emailConfirmed', { value: a.emailConfirmedAt ? '✓' : '—' })} ·{' '}
              {t('recruitment.applications.phoneValidated', {
                value: a.phoneValidatedAt
                  ? a.phoneMethod === 'call'
                    ? t('recruitment.applications.byCall')
                    : t('recruitment.applications.bySms')
                  : '—',
              })}
              {a.phoneNote ? ` (${a.phoneNote})` : ''}
            </p>
            <details>
              <summary>{t('recruitment.applications.answers')}</summary>
              <dl>
                {Object.entries(a.answers).map(([q, value]) => (
                  <div key={q}>
                    <dt>{q}</dt>
                    <dd>{shown(value)}</dd>
                  </div>
                ))}
              </dl>
            </details>
            {result?.id === a.id ? <FormMessage error={result.formError} /> : null}
            <div className="actions">
              {['disqualified', 'over_quota'].includes(a.stage) ? (
                <Form method="post">
                  <input type="hidden" name="applicationId" value={a.id} />
                  <button type="submit" className="button" name="decision" value="qualify">
                    {t('recruitment.applications.qualify')}
                  </button>{' '}
                  <label>
                    <input type="checkbox" name="overrideQuota" />{' '}
                    {t('recruitment.applications.overrideQuota')}
                  </label>
                </Form>
              ) : null}
              {['qualified', 'email_confirmed', 'over_quota', 'waitlisted', 'offered'].includes(a.stage) ? (
                <Form method="post">
                  <input type="hidden" name="applicationId" value={a.id} />
                  <button
                    type="submit"
                    className="button button--secondary"
                    name="decision"
                    value="disqualify"
                  >
                    {t('recruitment.applications.disqualify')}
                  </button>
                </Form>
              ) : null}
              {!a.phoneValidatedAt && ['qualified', 'email_confirmed', 'over_quota'].includes(a.stage) ? (
                <Form method="post">
                  <input type="hidden" name="applicationId" value={a.id} />
                  <input type="hidden" name="decision" value="phone_validated" />
                  <label>
                    {t('recruitment.applications.callNote')} <input name="note" maxLength={1000} required />
                  </label>{' '}
                  {result?.id === a.id && result.fieldErrors?.note ? (
                    <span className="field__error">{result.fieldErrors.note}</span>
                  ) : null}
                  <button type="submit" className="button button--secondary">
                    {t('recruitment.applications.validatedByCall')}
                  </button>
                </Form>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      <NextPage cursor={loaderData.nextCursor} />
    </section>
  );
}
