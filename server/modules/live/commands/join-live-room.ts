import type { LiveJoinState } from '../../../../common/live/protocol.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { liveRooms, publishParticipants } from '../live-broadcast.ts';
import { livePolicy } from '../live.policy.ts';
import { lobbyOpensAt } from '../live.presenter.ts';
import { listParticipants, setAttendance } from '../live.repository.ts';
import { presentRoomParticipant } from '../live-room.presenter.ts';
import { SessionRef } from '../live-room.schemas.ts';
import { visibleTallies } from '../live-tally.ts';
import { loadLiveRoom } from './load-live-room.ts';

/**
 * Enters a session's room (`live.join`). Staff join the room and the backroom; an admitted participant
 * joins the room; any other invited participant waits in the lobby (their attendance becomes `waiting`,
 * and the staff's lobby list is refreshed). Returns the state to show and the server-side rooms the socket
 * joins.
 * A participant cannot enter the lobby before it opens (`lobby_minutes` before the start, 10 by default):
 * `conflict` with `retryAfter`, the seconds until it opens.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden: declined, dismissed,
 *   removed, or the session is over | conflict: the lobby is not open yet)
 */
export async function joinLiveRoom({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: unknown;
}): Promise<{ state: LiveJoinState; rooms: string[] }> {
  const { sessionId } = validate(SessionRef, input);
  const room = await loadLiveRoom(ctx, sessionId);
  const { row } = room;
  const base = {
    status: row.status,
    title: row.title,
    startsAt: row.starts_at.toISOString(),
    lobbyOpensAt: lobbyOpensAt(row).toISOString(),
    lastSeq: row.last_seq,
  };
  if (livePolicy.observe(ctx.actor, room)) {
    const role = livePolicy.moderate(ctx.actor, room) ? 'moderator' : 'observer';
    const participants = (await listParticipants(ctx.kernel.db, row.id)).map(presentRoomParticipant);
    return {
      state: {
        ...base,
        role,
        memberId: room.membership?.id ?? null,
        pseudonym: null,
        attendance: null,
        muted: false,
        backroomLastSeq: row.backroom_last_seq,
        participants,
        tallies: await visibleTallies(ctx.kernel.db, row.id, { staff: true }),
      },
      rooms: [liveRooms.room(row.id), liveRooms.staff(row.id)],
    };
  }
  authorize(livePolicy, 'join', ctx.actor, room);
  const participant = room.participant!;
  const memberId = room.membership!.id;
  let attendance = participant.attendance;
  const opensIn = lobbyOpensAt(row).getTime() - Date.now();
  if (row.status === 'scheduled' && attendance !== 'admitted' && opensIn > 0) {
    throw new AppError('conflict', {
      messageKey: 'live.error.lobbyClosed',
      retryAfter: Math.ceil(opensIn / 1000),
    });
  }
  if (attendance !== 'admitted' && attendance !== 'waiting') {
    await transact(ctx.kernel, async (trx) => setAttendance(trx, participant.id, 'waiting'));
    attendance = 'waiting';
    await publishParticipants(ctx.kernel, row.id);
  }
  const admitted = attendance === 'admitted';
  return {
    state: {
      ...base,
      role: 'participant',
      memberId,
      pseudonym: room.membership!.pseudonym,
      attendance,
      muted: participant.muted,
      backroomLastSeq: null,
      participants: null,
      tallies: admitted ? await visibleTallies(ctx.kernel.db, row.id, { staff: false, memberId }) : [],
    },
    rooms: [
      liveRooms.member(row.id, memberId),
      liveRooms.invitees(row.id),
      ...(admitted ? [liveRooms.room(row.id), liveRooms.participants(row.id)] : []),
    ],
  };
}
