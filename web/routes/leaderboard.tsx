import { Form, useSearchParams } from 'react-router';
import { appContext } from '../context.ts';
import { guard } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';
import type { Route } from './+types/leaderboard.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  const search = new URL(request.url).searchParams;
  const period = search.get('period') === 'all' ? 'all' : 'month';
  const board = search.get('board') || undefined;
  const [leaderboard, boards] = await guard(web.locale, () =>
    Promise.all([
      web.api.getLeaderboard(params.slug, { period, ...(board ? { board } : {}) }),
      web.api.listBoards(params.slug),
    ]),
  );
  return { leaderboard, boards: boards.items.map((b) => ({ slug: b.slug, title: b.title })) };
}

export const meta = titled('points.leaderboard.title');

/** Members by points this month or of all time, in the community or one board. */
export default function LeaderboardPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const { leaderboard, boards } = loaderData;
  return (
    <section>
      <h1>{t('points.leaderboard.title')}</h1>
      <Form method="get" className="filters" aria-label={t('points.leaderboard.filters')}>
        <label>
          {t('points.leaderboard.period')}{' '}
          <select name="period" defaultValue={leaderboard.period}>
            <option value="month">{t('points.leaderboard.month')}</option>
            <option value="all">{t('points.leaderboard.all')}</option>
          </select>
        </label>
        <label>
          {t('points.leaderboard.board')}{' '}
          <select name="board" defaultValue={params.get('board') ?? ''}>
            <option value="">{t('points.leaderboard.everywhere')}</option>
            {boards.map((b) => (
              <option key={b.slug} value={b.slug}>
                {b.title}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--secondary">
          {t('points.filter.apply')}
        </button>
      </Form>
      <p className="meta">{t('points.leaderboard.privacy')}</p>
      {leaderboard.items.length === 0 ? (
        <p className="empty">{t('points.leaderboard.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">
              {leaderboard.period === 'all' ? t('points.leaderboard.all') : t('points.leaderboard.month')}
            </caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('points.col.member')}</th>
                <th scope="col">{t('points.balance.rank')}</th>
                <th scope="col">{t('points.col.points')}</th>
              </tr>
            </thead>
            <tbody>
              {leaderboard.items.map((row) => (
                <tr key={row.memberId}>
                  <td>{row.position}</td>
                  <td>{row.pseudonym}</td>
                  <td>{row.rank ?? '—'}</td>
                  <td>{row.points}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
