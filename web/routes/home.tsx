import { Link, useSearchParams } from 'react-router';
import { FormMessage } from '../components/form.tsx';
import { translate } from '../../common/i18n/index.ts';
import type { CommunityDto } from '../../server/modules/communities/communities.schemas.ts';
import { NextPage } from '../components/bits.tsx';
import { appContext } from '../context.ts';
import { guard } from '../lib/errors.ts';
import { useT, useViewer } from '../lib/i18n.ts';
import type { Route } from './+types/home.ts';

export const meta: Route.MetaFunction = ({ matches }) => {
  const locale = (matches[0]?.loaderData as { locale?: 'fr' | 'en' } | undefined)?.locale ?? 'fr';
  return [
    { title: `${translate(locale, 'home.title')} · Cercle` },
    { name: 'description', content: translate(locale, 'app.tagline') },
  ];
};

export async function loader({ context, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  const cursor = new URL(request.url).searchParams.get('cursor') ?? undefined;
  return guard(web.locale, () => web.api.listCommunities({ limit: 50, cursor }));
}

function CommunityCard({ community }: { community: CommunityDto }) {
  const t = useT();
  return (
    <li className="card" style={{ borderTopColor: community.primaryColor }}>
      <h3>
        <Link to={`/c/${community.slug}`}>{community.name}</Link>
      </h3>
      {community.description ? <p>{community.description}</p> : null}
      <p className="meta">
        {t('home.members', { count: community.membersCount })} ·{' '}
        {t(`community.visibility.${community.visibility}`)}
        {community.viewerMembership ? ` · ${community.viewerMembership.pseudonym}` : ''}
      </p>
    </li>
  );
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const viewer = useViewer();
  const mine = loaderData.items.filter((c) => c.viewerMembership);
  const others = loaderData.items.filter((c) => !c.viewerMembership);
  const [params] = useSearchParams();
  // better-auth sends a used or expired sign-in link back here with ?error=…
  const linkFailed = !!params.get('error');
  return (
    <>
      <div className="page-head">
        <h1>{t('home.title')}</h1>
        {viewer?.abilities.createCommunity ? (
          <Link className="button" to="/admin/communities/new">
            {t('home.create')}
          </Link>
        ) : null}
      </div>
      {linkFailed ? <FormMessage error={t('error.gone')} /> : null}
      <p className="lead">{t('home.intro')}</p>
      {loaderData.items.length === 0 ? (
        <div className="empty">
          <p>{t('home.empty')}</p>
          {viewer?.abilities.createCommunity ? <p>{t('home.emptyAdmin')}</p> : null}
        </div>
      ) : null}
      {mine.length > 0 ? (
        <section aria-labelledby="mine">
          <h2 id="mine">{t('home.mine')}</h2>
          <ul className="cards">
            {mine.map((c) => (
              <CommunityCard key={c.id} community={c} />
            ))}
          </ul>
        </section>
      ) : null}
      {others.length > 0 ? (
        <section aria-labelledby={mine.length > 0 ? 'others' : undefined}>
          {mine.length > 0 ? <h2 id="others">{t('home.others')}</h2> : null}
          <ul className="cards">
            {others.map((c) => (
              <CommunityCard key={c.id} community={c} />
            ))}
          </ul>
        </section>
      ) : null}
      <NextPage cursor={loaderData.nextCursor} />
    </>
  );
}
