import { sessionCalendar } from '../../common/live/ics.ts';
import { appContext } from '../context.ts';
import { guard } from '../lib/errors.ts';
import type { Route } from './+types/live-calendar.ts';

/** The session's calendar file (`.ics`), for whoever may see the session (invitees and staff). */
export async function loader({ context, params }: Route.LoaderArgs) {
  const web = context.get(appContext);
  const session = await guard(web.locale, () => web.api.getLiveSession(params.slug, params.sessionId));
  const body = sessionCalendar({
    uid: `${session.id}@cercle`,
    title: session.title,
    description: session.objectives,
    startsAt: session.startsAt,
    durationMinutes: session.durationMinutes,
    url: `${web.publicUrl}/c/${params.slug}/live/${session.id}`,
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="session-${session.id}.ics"`,
      'cache-control': 'private, no-store',
    },
  });
}
