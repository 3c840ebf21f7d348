import { Link } from 'react-router';
import { RoleBadge } from '../components/bits.tsx';
import { appContext } from '../context.ts';
import { useT, useViewer } from '../lib/i18n.ts';
import type { Route } from './+types/community-home.ts';
import { useCommunity } from './community.tsx';

export async function loader({ context, params }: Route.LoaderArgs) {
  const web = context.get(appContext);
  // The directory preview is shown only to those allowed to read the community's content.
  try {
    return await web.api.listMembers(params.slug, { limit: 12, role: undefined });
  } catch {
    return { items: [], nextCursor: null };
  }
}

export default function CommunityHome({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const viewer = useViewer();
  const community = useCommunity();
  const me = community.viewerMembership;
  return (
    <>
      <h1>{community.name}</h1>
      {community.description ? <p className="lead">{community.description}</p> : null}
      <p className="meta">
        {t('community.membersCount', { count: community.membersCount })} ·{' '}
        {t(`community.visibility.${community.visibility}`)} ·{' '}
        {t(`community.joinPolicy.${community.joinPolicy}`)}
      </p>
      {me?.status === 'active' ? (
        <p className="notice notice--success" role="status">
          {t('community.joined', { pseudonym: me.pseudonym })}
        </p>
      ) : me?.status === 'pending' ? (
        <p className="notice" role="status">
          {t('community.pending')}
        </p>
      ) : community.abilities.join || !viewer ? (
        <p>
          <Link className="button" to={`/c/${community.slug}/join`}>
            {t('community.join')}
          </Link>
        </p>
      ) : null}
      {community.visibility === 'private' && !me ? <p>{t('community.privateNotice')}</p> : null}
      {loaderData.items.length > 0 ? (
        <section aria-labelledby="members-heading">
          <h2 id="members-heading">{t('community.members')}</h2>
          <ul className="member-list">
            {loaderData.items.map((m) => (
              <li key={m.id}>
                <Link to={`/c/${community.slug}/members/${m.id}`}>{m.pseudonym}</Link>{' '}
                <RoleBadge role={m.role} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
