import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { LIVE_EVENTS } from '../../../../common/live/protocol.ts';
import { liveRooms, publishEntry, publishParticipants } from '../live-broadcast.ts';
import { LiveEvents, type SessionAttendedPayload } from '../live.events.ts';
import { livePolicy } from '../live.policy.ts';
import { closeAttendance, lockSession, updateSessionRow } from '../live.repository.ts';
import { SessionRef } from '../live-room.schemas.ts';
import { appendRoomEntry } from './append-room-entry.ts';
import { loadLiveRoom } from './load-live-room.ts';

/**
 * The moderator ends a running session (`live.end`): a numbered `end` entry, the session `ended`, the
 * attendance closed (admitted participants get their leaving time), one `session.attended` event per
 * participant who was admitted (points subscribe to it) and `live_session.ended`. Participants are told
 * (a thank-you) and their sockets leave the room. Audited.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden | conflict: not running)
 */
export async function endLiveSession({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: unknown;
}): Promise<{ seq: number; attended: number }> {
  const { sessionId } = validate(SessionRef, input);
  const room = await loadLiveRoom(ctx, sessionId);
  authorize(livePolicy, 'moderate', ctx.actor, room);
  const sid = room.row.id;
  const communityId = room.row.community_id;
  const { entry, attended } = await transact(ctx.kernel, async (trx, emit) => {
    const session = await lockSession(trx, sid);
    if (session.status !== 'live') throw new AppError('conflict', { messageKey: 'live.error.notRunning' });
    const entry = await appendRoomEntry(trx, session, {
      kind: 'end',
      author_member_id: room.membership?.id ?? null,
      author_role: 'system',
      body: null,
    });
    await updateSessionRow(trx, sid, { status: 'ended', ended_at: new Date() });
    const attended = await closeAttendance(trx, sid);
    for (const a of attended) {
      const payload: SessionAttendedPayload = {
        communityId,
        sessionId: sid,
        memberId: a.member_id,
        admittedAt: a.admitted_at!.toISOString(),
        leftAt: a.left_at?.toISOString() ?? null,
      };
      await emit({
        type: LiveEvents.attended,
        communityId,
        actorUserId: ctx.actor!.userId,
        payload: { ...payload },
      });
    }
    await emit({
      type: LiveEvents.ended,
      communityId,
      actorUserId: ctx.actor!.userId,
      payload: { communityId, sessionId: sid, attended: attended.length },
    });
    await writeAudit(trx, {
      communityId,
      actorUserId: ctx.actor!.userId,
      action: 'live_session.end',
      targetType: 'live_session',
      targetId: sid,
    });
    return { entry, attended: attended.length };
  });
  publishEntry(ctx.kernel, entry);
  ctx.kernel.realtime.send([liveRooms.room(sid), liveRooms.invitees(sid)], LIVE_EVENTS.ended, {
    sessionId: sid,
  });
  ctx.kernel.realtime.leaveRooms(liveRooms.participants(sid), [
    liveRooms.room(sid),
    liveRooms.participants(sid),
  ]);
  await publishParticipants(ctx.kernel, sid);
  return { seq: entry.seq, attended };
}
