import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { LIVE_EVENTS } from '../../../../common/live/protocol.ts';
import { liveRooms, publishParticipants } from '../live-broadcast.ts';
import { livePolicy } from '../live.policy.ts';
import {
  countAdmitted,
  lockParticipants,
  lockSession,
  setAttendance,
  updateSessionRow,
} from '../live.repository.ts';
import { AdmitInput } from '../live-room.schemas.ts';
import { loadLiveRoom } from './load-live-room.ts';

/**
 * Admits waiting participants into the room (`live.admit`, the moderator): the ones named, or everyone
 * waiting. Admission starts a scheduled session; the room holds at most its capacity. Each admitted
 * participant's sockets join the room and are told so.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden | conflict: not waiting,
 *   room full)
 */
export async function admitLiveParticipants({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: unknown;
}): Promise<{ admitted: string[] }> {
  const body = validate(AdmitInput, input);
  if (!body.all && !body.memberIds) throw AppError.field('/memberIds', 'validation.required');
  const room = await loadLiveRoom(ctx, body.sessionId);
  authorize(livePolicy, 'moderate', ctx.actor, room);
  const sid = room.row.id;
  const admitted = await transact(ctx.kernel, async (trx) => {
    const session = await lockSession(trx, sid);
    const rows = await lockParticipants(trx, sid, body.all ? null : body.memberIds!);
    const waiting = rows.filter((p) => p.attendance === 'waiting');
    if (!body.all && waiting.length !== body.memberIds!.length) {
      throw new AppError('conflict', { messageKey: 'live.error.notWaiting' });
    }
    if ((await countAdmitted(trx, sid)) + waiting.length > session.capacity) {
      throw new AppError('conflict', {
        messageKey: 'live.error.full',
        detail: `capacity ${session.capacity}`,
      });
    }
    for (const p of waiting) await setAttendance(trx, p.id, 'admitted');
    if (session.status === 'scheduled' && waiting.length > 0) {
      await updateSessionRow(trx, sid, { status: 'live', started_at: new Date() });
    }
    if (waiting.length > 0) {
      await writeAudit(trx, {
        communityId: session.community_id,
        actorUserId: ctx.actor!.userId,
        action: 'live_session.admit',
        targetType: 'live_session',
        targetId: sid,
        data: { memberIds: waiting.map((p) => p.member_id) },
      });
    }
    return waiting.map((p) => p.member_id);
  });
  for (const memberId of admitted) {
    const own = liveRooms.member(sid, memberId);
    ctx.kernel.realtime.joinRooms(own, [liveRooms.room(sid), liveRooms.participants(sid)]);
    ctx.kernel.realtime.send([own], LIVE_EVENTS.admitted, { sessionId: sid });
  }
  if (admitted.length > 0) await publishParticipants(ctx.kernel, sid);
  return { admitted };
}
