import { Link } from 'react-router';
import { LocalTime, NextPage } from '../components/bits.tsx';
import { appContext } from '../context.ts';
import { guard } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';
import type { Route } from './+types/research.ts';
import { useCommunity } from './community.tsx';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  const cursor = new URL(request.url).searchParams.get('cursor');
  return guard(web.locale, () => web.api.listSurveys(params.slug, cursor ? { cursor } : {}));
}

export const meta = titled('research.list.title');

/**
 * Surveys and polls: staff and observers see every one with its responses and links to results (staff
 * also create them and edit segments and attributes); members see those they may answer.
 */
export default function ResearchPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const community = useCommunity();
  const staff = community.abilities.manageResearch;
  const readsResults = community.abilities.viewResearchResults;
  const base = `/c/${community.slug}/research`;
  return (
    <section>
      <h1>{t('research.list.title')}</h1>
      {staff ? (
        <p className="actions">
          <Link className="button" to={`${base}/new`}>
            {t('research.list.new')}
          </Link>{' '}
          <Link className="button button--secondary" to={`${base}/segments`}>
            {t('research.segments.title')}
          </Link>{' '}
          <Link className="button button--secondary" to={`${base}/attributes`}>
            {t('research.attributes.title')}
          </Link>{' '}
          <Link className="button button--secondary" to={`${base}/panel`}>
            {t('panel.title')}
          </Link>{' '}
          <Link className="button button--secondary" to={`${base}/probation`}>
            {t('panel.probation.title')}
          </Link>
        </p>
      ) : null}
      {loaderData.items.length === 0 ? (
        <p className="empty">{t(readsResults ? 'research.list.emptyStaff' : 'research.list.empty')}</p>
      ) : (
        <ul className="cards">
          {loaderData.items.map((s) => (
            <li key={s.id} className="card">
              <h2>
                <Link to={`/c/${community.slug}/surveys/${s.id}`}>{s.title}</Link>
              </h2>
              <p className="meta">
                {t(`research.kind.${s.kind}`)} · {t(`research.state.${s.state}`)}
                {s.closesAt ? (
                  <>
                    {' · '}
                    {t('research.list.closes')} <LocalTime iso={s.closesAt} withTime />
                  </>
                ) : null}
                {s.points > 0 ? <> · {t('research.survey.points', { count: s.points })}</> : null}
              </p>
              {s.myStatus ? <p>{t(`research.myStatus.${s.myStatus}`)}</p> : null}
              {readsResults ? (
                <p>
                  {t('research.list.responses', { count: s.responsesCount ?? 0 })} ·{' '}
                  <Link to={`${base}/${s.id}/results`}>{t('research.results.link')}</Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <NextPage cursor={loaderData.nextCursor} />
    </section>
  );
}
