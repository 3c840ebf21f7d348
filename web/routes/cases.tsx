import { Form, Link, useSearchParams } from 'react-router';
import { LocalTime, NextPage } from '../components/bits.tsx';
import { CASE_STATUS_VALUES, CaseStatusBadge } from '../components/cases/case-bits.tsx';
import { appContext } from '../context.ts';
import { guard } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';
import type { Route } from './+types/cases.ts';
import { useCommunity } from './community.tsx';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  const search = new URL(request.url).searchParams;
  const query: Record<string, string> = {};
  for (const key of ['status', 'assignee', 'cursor']) {
    const value = search.get(key);
    if (value) query[key] = value;
  }
  return guard(web.locale, () => web.api.listCases(params.slug, query));
}

export const meta = titled('case.queue.title');

/** The case queue of support agents and staff: filters by status and assignee, oldest activity first. */
export default function CasesPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const community = useCommunity();
  const [params] = useSearchParams();
  return (
    <section>
      <h1>{t('case.queue.title')}</h1>
      <Form method="get" className="filters">
        <label>
          {t('case.filter.status')}{' '}
          <select name="status" defaultValue={params.get('status') ?? ''}>
            <option value="">{t('case.filter.allStatuses')}</option>
            {CASE_STATUS_VALUES.map((s) => (
              <option key={s} value={s}>
                {t(`case.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('case.filter.assignee')}{' '}
          <select name="assignee" defaultValue={params.get('assignee') ?? ''}>
            <option value="">{t('case.filter.anyone')}</option>
            <option value="me">{t('case.filter.me')}</option>
            <option value="none">{t('case.filter.none')}</option>
          </select>
        </label>
        <button type="submit" className="button button--secondary">
          {t('case.filter.apply')}
        </button>
      </Form>
      {loaderData.items.length === 0 ? (
        <p className="empty">{t('case.queue.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('case.col.question')}</th>
                <th scope="col">{t('case.col.asker')}</th>
                <th scope="col">{t('case.col.status')}</th>
                <th scope="col">{t('case.col.assignee')}</th>
                <th scope="col">{t('case.col.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/c/${community.slug}/cases/${c.id}`}>{c.topic.title}</Link>
                  </td>
                  <td>{c.topic.author.pseudonym}</td>
                  <td>
                    <CaseStatusBadge status={c.status} label={c.statusLabel} />
                  </td>
                  <td>{c.assignee ? c.assignee.pseudonym : t('case.unassigned')}</td>
                  <td>
                    <LocalTime iso={c.updatedAt} withTime />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NextPage cursor={loaderData.nextCursor} />
    </section>
  );
}
