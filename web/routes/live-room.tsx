import { Link } from 'react-router';
import { LiveRoom } from '../components/live/live-room.tsx';
import { appContext } from '../context.ts';
import { guard } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import type { Route } from './+types/live-room.ts';
import { useCommunity } from './community.tsx';

export async function loader({ context, params }: Route.LoaderArgs) {
  const web = context.get(appContext);
  return guard(web.locale, () => web.api.getLiveSession(params.slug, params.sessionId));
}

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData ? `${loaderData.title} · Cercle` : 'Cercle' },
  { name: 'robots', content: 'noindex' },
];

/** The live room of a session (participants and staff); the conversation itself needs JavaScript. */
export default function LiveRoomPage({ loaderData: session }: Route.ComponentProps) {
  const t = useT();
  const community = useCommunity();
  return (
    <article className="live-room-page">
      <p className="meta">
        <Link to={`/c/${community.slug}/live/${session.id}`}>{t('live.backToSession')}</Link>
      </p>
      <h1>{session.title}</h1>
      <noscript>
        <p className="notice">{t('live.room.needsJavaScript')}</p>
      </noscript>
      <LiveRoom
        librarySlug={community.abilities.manageProbes ? community.slug : null}
        session={{
          id: session.id,
          title: session.title,
          startsAt: session.startsAt,
          lobbyOpensAt: session.lobbyOpensAt,
          startedAt: session.startedAt,
          durationMinutes: session.durationMinutes,
          guide: session.guide,
        }}
      />
    </article>
  );
}
