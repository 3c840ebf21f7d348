import { Form, Link, useActionData, useSearchParams } from 'react-router';
import { NextPage } from '../components/bits.tsx';
import { FormMessage, SubmitButton } from '../components/form.tsx';
import { LedgerTable } from '../components/points/points-bits.tsx';
import { appContext } from '../context.ts';
import { attempt, guard } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';
import { requireAbility } from '../lib/staff.ts';
import type { Route } from './+types/points.ts';
import { useCommunity } from './community.tsx';

const KINDS = ['award', 'release', 'denial', 'reversal', 'adjustment', 'redemption', 'refund'];
const STATUSES = ['pending', 'available', 'denied', 'reversed'];

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  const community = await requireAbility(web, params.slug, 'viewPoints', request);
  const search = new URL(request.url).searchParams;
  const query: Record<string, string> = {};
  for (const key of ['kind', 'status', 'from', 'to', 'cursor']) {
    const value = search.get(key);
    if (value) query[key] = value;
  }
  const rules = await guard(web.locale, () => web.api.listPointRules(params.slug));
  if (!community.abilities.holdPoints) return { rules, balance: null, history: null, filterError: null };
  const balance = await guard(web.locale, () => web.api.getPointsBalance(params.slug));
  // A bad filter typed into the address bar shows the message beside the filters, not an error page.
  const history = await attempt(web.locale, () => web.api.listPointsLedger(params.slug, query));
  return 'items' in history
    ? { rules, balance, history, filterError: null }
    : {
        rules,
        balance,
        history: null,
        filterError: [history.data.formError, ...Object.values(history.data.fieldErrors)].join(' '),
      };
}

export const meta = titled('points.title');

/** A member's choice about the public leaderboards. */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  return attempt(web.locale, async () =>
    web.api.updatePointsPreferences(params.slug, { leaderboardOptOut: form.get('optOut') === 'on' }),
  );
}

/** "How to earn points", one's balances and history, and the leaderboard choice. */
export default function PointsPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const community = useCommunity();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { rules, balance, history } = loaderData;
  const saved = result && 'leaderboardOptOut' in result ? result : null;
  const optOut = saved ? saved.leaderboardOptOut : (balance?.leaderboardOptOut ?? false);
  return (
    <section>
      <h1>{t('points.title')}</h1>
      {community.abilities.managePoints ? (
        <p>
          <Link to={`/c/${community.slug}/points/admin`}>{t('points.admin.link')}</Link>
        </p>
      ) : null}
      {balance ? (
        <>
          <h2>{t('points.balance.title')}</h2>
          <dl className="points-balance">
            <div>
              <dt>{t('points.balance.available')}</dt>
              <dd>{balance.available}</dd>
            </div>
            <div>
              <dt>{t('points.balance.pending')}</dt>
              <dd>{balance.pending}</dd>
            </div>
            <div>
              <dt>{t('points.balance.lifetime')}</dt>
              <dd>{balance.lifetime}</dd>
            </div>
            <div>
              <dt>{t('points.balance.rank')}</dt>
              <dd>{balance.rank ?? '—'}</dd>
            </div>
          </dl>
        </>
      ) : null}
      <h2>{t('points.earn.title')}</h2>
      <p>{t('points.earn.review', { count: rules.settings.reviewHours })}</p>
      {rules.rules.length === 0 ? (
        <p className="empty">{t('points.earn.none')}</p>
      ) : (
        <ul className="points-rules">
          {rules.rules
            .filter((r) => r.enabled)
            .map((r) => (
              <li key={r.action}>
                <strong>{t(`points.action.${r.action}`)}</strong> —{' '}
                {r.declaredAmount
                  ? t('points.earn.declared', { count: r.points })
                  : t('points.amount', { count: r.points })}
                {r.dailyCap !== null ? ` ${t('points.earn.cap', { count: r.dailyCap })}` : ''}
              </li>
            ))}
        </ul>
      )}
      <p>
        <Link to={`/c/${community.slug}/leaderboard`}>{t('points.leaderboard.link')}</Link>
      </p>
      {balance ? (
        <>
          <h2 id="leaderboard-choice">{t('points.optOut.title')}</h2>
          <Form method="post" className="inline-form" aria-labelledby="leaderboard-choice">
            <FormMessage
              error={result && 'formError' in result ? result.formError : null}
              success={saved ? t('points.optOut.saved') : null}
            />
            <label>
              <input type="checkbox" name="optOut" defaultChecked={optOut} key={String(optOut)} />{' '}
              {t('points.optOut.label')}
            </label>{' '}
            <SubmitButton>{t('points.optOut.save')}</SubmitButton>
          </Form>
          <h2>{t('points.history.title')}</h2>
          <Form method="get" className="filters" aria-label={t('points.history.filters')}>
            <label>
              {t('points.filter.status')}{' '}
              <select name="status" defaultValue={params.get('status') ?? ''}>
                <option value="">{t('points.filter.any')}</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`points.status.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('points.filter.kind')}{' '}
              <select name="kind" defaultValue={params.get('kind') ?? ''}>
                <option value="">{t('points.filter.any')}</option>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`points.kind.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('points.filter.from')}{' '}
              <input type="date" name="from" defaultValue={params.get('from') ?? ''} />
            </label>
            <label>
              {t('points.filter.to')} <input type="date" name="to" defaultValue={params.get('to') ?? ''} />
            </label>
            <button type="submit" className="button button--secondary">
              {t('points.filter.apply')}
            </button>
          </Form>
          <FormMessage error={loaderData.filterError} />
          {history && history.items.length > 0 ? (
            <>
              <LedgerTable items={history.items} />
              <NextPage cursor={history.nextCursor} />
            </>
          ) : (
            <p className="empty">{t('points.history.empty')}</p>
          )}
        </>
      ) : null}
    </section>
  );
}
