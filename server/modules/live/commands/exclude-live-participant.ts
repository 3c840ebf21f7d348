import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { LIVE_EVENTS } from '../../../../common/live/protocol.ts';
import { liveRooms, publishParticipants } from '../live-broadcast.ts';
import { livePolicy } from '../live.policy.ts';
import { lockParticipants, setAttendance, setMuted } from '../live.repository.ts';
import { MemberInput } from '../live-room.schemas.ts';
import { loadLiveRoom } from './load-live-room.ts';

/**
 * The moderator acts on one participant: `dismiss` someone waiting in the lobby, `remove` someone from the
 * room, or `mute` (`muted: true|false`) someone in the room. Dismissed and removed participants' sockets
 * leave the session's rooms and cannot come back; the change is audited.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden | conflict: wrong state)
 */
export async function excludeLiveParticipant({
  ctx,
  action,
  input,
}: {
  ctx: Ctx;
  action: 'dismiss' | 'remove' | 'mute';
  input: unknown;
}): Promise<{ memberId: string }> {
  const body = validate(MemberInput, input);
  if (action === 'mute' && body.muted === undefined) throw AppError.field('/muted', 'validation.required');
  const room = await loadLiveRoom(ctx, body.sessionId);
  authorize(livePolicy, 'moderate', ctx.actor, room);
  const sid = room.row.id;
  await transact(ctx.kernel, async (trx) => {
    const [p] = await lockParticipants(trx, sid, [body.memberId]);
    if (!p) throw new AppError('not_found');
    const expected = action === 'dismiss' ? 'waiting' : 'admitted';
    if (p.attendance !== expected)
      throw new AppError('conflict', { messageKey: 'live.error.wrongAttendance' });
    if (action === 'mute') await setMuted(trx, p.id, body.muted!);
    else await setAttendance(trx, p.id, action === 'dismiss' ? 'dismissed' : 'removed');
    await writeAudit(trx, {
      communityId: room.row.community_id,
      actorUserId: ctx.actor!.userId,
      action: `live_session.${action}`,
      targetType: 'live_participant',
      targetId: p.id,
      data: action === 'mute' ? { muted: body.muted } : {},
    });
  });
  const own = liveRooms.member(sid, body.memberId);
  if (action === 'mute') {
    ctx.kernel.realtime.send([own], LIVE_EVENTS.muted, { sessionId: sid, muted: body.muted });
  } else {
    ctx.kernel.realtime.send([own], LIVE_EVENTS.excluded, {
      sessionId: sid,
      reason: action === 'dismiss' ? 'dismissed' : 'removed',
    });
    ctx.kernel.realtime.leaveRooms(own, [
      liveRooms.room(sid),
      liveRooms.participants(sid),
      liveRooms.invitees(sid),
      own,
    ]);
  }
  await publishParticipants(ctx.kernel, sid);
  return { memberId: body.memberId };
}
