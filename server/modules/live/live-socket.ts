import type { Socket } from 'socket.io';
import { type Locale, isLocale, translate } from '../../../common/i18n/index.ts';
import { LIVE_EVENTS, LIVE_REQUESTS } from '../../../common/live/protocol.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import type { Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/db/ids.ts';
import { toAppError } from '../../platform/http/problem.ts';
import type { Kernel } from '../../platform/kernel.ts';
import { admitLiveParticipants } from './commands/admit-live-participants.ts';
import { decideLiveProbe } from './commands/decide-live-probe.ts';
import { deleteLiveEntry } from './commands/delete-live-entry.ts';
import { endLiveSession } from './commands/end-live-session.ts';
import { excludeLiveParticipant } from './commands/exclude-live-participant.ts';
import { joinLiveRoom } from './commands/join-live-room.ts';
import { leaveLiveLobby } from './commands/leave-live-lobby.ts';
import { postBackroomMessage } from './commands/post-backroom-message.ts';
import { postLiveMessage } from './commands/post-live-message.ts';
import { reactToLiveEntry } from './commands/react-to-live-entry.ts';
import { readBackroom } from './commands/read-backroom.ts';
import { readLiveEntries } from './commands/read-live-entries.ts';
import { revealLiveAnswers } from './commands/reveal-live-answers.ts';
import { runLiveGuideItem } from './commands/run-live-guide-item.ts';
import { showLiveTally } from './commands/show-live-tally.ts';
import { viewLiveParticipant } from './commands/view-live-participant.ts';
import { liveRooms } from './live-broadcast.ts';

type Handler = (ctx: Ctx, input: unknown, socket: Socket) => Promise<object>;

/**
 * What a socket joined, per session: its part and the name it types under. The part only picks
 * `live.send`'s one-statement path; the rights behind it are re-read by that statement every time.
 */
interface Joined {
  role: 'moderator' | 'observer' | 'participant';
  memberId: string | null;
  typingAs: string;
}

const joinedOf = (socket: Socket): Map<string, Joined> => {
  const data = socket.data as { live?: Map<string, Joined> };
  data.live ??= new Map();
  return data.live;
};

const sessionIdOf = (input: unknown): string | null => {
  const id = (input as { sessionId?: unknown } | null)?.sessionId;
  return typeof id === 'string' ? id : null;
};

/** The requests of the protocol and the command each calls (every one validates, loads and authorizes). */
const HANDLERS: Record<string, Handler> = {
  [LIVE_REQUESTS.resume]: (ctx, input) => readLiveEntries({ ctx, input }),
  [LIVE_REQUESTS.send]: (ctx, input, socket) => {
    const sessionId = sessionIdOf(input);
    return postLiveMessage({ ctx, input, joined: sessionId ? joinedOf(socket).get(sessionId) : undefined });
  },
  [LIVE_REQUESTS.react]: (ctx, input) => reactToLiveEntry({ ctx, input }),
  [LIVE_REQUESTS.admit]: (ctx, input) => admitLiveParticipants({ ctx, input }),
  [LIVE_REQUESTS.dismiss]: (ctx, input) => excludeLiveParticipant({ ctx, action: 'dismiss', input }),
  [LIVE_REQUESTS.remove]: (ctx, input) => excludeLiveParticipant({ ctx, action: 'remove', input }),
  [LIVE_REQUESTS.mute]: (ctx, input) => excludeLiveParticipant({ ctx, action: 'mute', input }),
  [LIVE_REQUESTS.sendItem]: (ctx, input) => runLiveGuideItem({ ctx, action: 'send', input }),
  [LIVE_REQUESTS.skipItem]: (ctx, input) => runLiveGuideItem({ ctx, action: 'skip', input }),
  [LIVE_REQUESTS.reveal]: (ctx, input) => revealLiveAnswers({ ctx, input }),
  [LIVE_REQUESTS.showTally]: (ctx, input) => showLiveTally({ ctx, input }),
  [LIVE_REQUESTS.deleteEntry]: (ctx, input) => deleteLiveEntry({ ctx, input }),
  [LIVE_REQUESTS.end]: (ctx, input) => endLiveSession({ ctx, input }),
  [LIVE_REQUESTS.backroomSend]: (ctx, input) => postBackroomMessage({ ctx, kind: 'message', input }),
  [LIVE_REQUESTS.suggest]: (ctx, input) => postBackroomMessage({ ctx, kind: 'suggestion', input }),
  [LIVE_REQUESTS.backroomResume]: (ctx, input) => readBackroom({ ctx, input }),
  [LIVE_REQUESTS.decide]: (ctx, input) => decideLiveProbe({ ctx, input }),
  [LIVE_REQUESTS.profile]: (ctx, input) => viewLiveParticipant({ ctx, input }),
  [LIVE_REQUESTS.join]: async (ctx, input, socket) => {
    const { state, rooms } = await joinLiveRoom({ ctx, input });
    await socket.join(rooms);
    joinedOf(socket).set(sessionIdOf(input)!, {
      role: state.role,
      memberId: state.memberId,
      typingAs: state.pseudonym ?? '',
    });
    return { state };
  },
};

/**
 * Attaches the live protocol to one socket (docs/LIVE-PROTOCOL.md): every request is validated, loaded and
 * authorized by its command, exactly like an HTTP request, and acknowledged with `{ ok: true, … }` or
 * `{ ok: false, code, message, fields? }` in the viewer's language. Typing indicators go to the room
 * without touching the database: only sockets the server put in the room may send them.
 */
export function attachLiveProtocol(kernel: Kernel, socket: Socket, actor: Actor | null): void {
  const locale: Locale = isLocale(actor?.locale) ? actor.locale : 'fr';
  for (const [event, handler] of Object.entries(HANDLERS)) {
    socket.on(event, async (input: unknown, ack?: (reply: object) => void) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      const ctx: Ctx = { kernel, actor, locale, requestId: newId() };
      try {
        reply({ ok: true, ...(await handler(ctx, input, socket)) });
      } catch (error) {
        const e = toAppError(error);
        if (e.status >= 500) kernel.log.error({ err: error, event }, 'live request failed');
        reply({
          ok: false,
          code: e.code,
          message: translate(locale, e.messageKey ?? `error.${e.code}`),
          ...(e.fields.length > 0
            ? { fields: e.fields.map((f) => ({ path: f.path, message: translate(locale, f.key, f.params) })) }
            : {}),
          ...(e.retryAfter ? { retryAfter: e.retryAfter } : {}),
        });
      }
    });
  }
  socket.on(LIVE_REQUESTS.typing, (input: unknown) => {
    const sessionId = sessionIdOf(input);
    const joined = sessionId ? joinedOf(socket).get(sessionId) : undefined;
    if (!sessionId || !joined || joined.role === 'observer' || !socket.rooms.has(liveRooms.room(sessionId)))
      return;
    socket.to(liveRooms.room(sessionId)).emit(LIVE_EVENTS.typing, {
      sessionId,
      who: joined.role === 'moderator' ? null : joined.typingAs,
      role: joined.role,
    });
  });
  socket.on('disconnect', () => {
    for (const [sessionId, joined] of joinedOf(socket)) {
      if (joined.role !== 'participant' || !joined.memberId) continue;
      const ctx: Ctx = { kernel, actor, locale, requestId: newId() };
      leaveLiveLobby({ ctx, sessionId, memberId: joined.memberId }).catch((error: unknown) =>
        kernel.log.warn({ err: error }, 'leaving the lobby failed'),
      );
    }
  });
}
