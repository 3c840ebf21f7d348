import type { Ctx } from '../../../platform/context.ts';
import { transact } from '../../../platform/kernel.ts';
import { liveRooms, publishParticipants } from '../live-broadcast.ts';
import { findParticipant, setAttendance } from '../live.repository.ts';

/**
 * Called when a participant's last socket in a session goes away: someone who was waiting in the lobby is
 * no longer waiting (`left`; coming back puts them in the lobby again). An admitted participant keeps their
 * place: a reload or a dropped connection brings them straight back into the room.
 */
export async function leaveLiveLobby({
  ctx,
  sessionId,
  memberId,
}: {
  ctx: Ctx;
  sessionId: string;
  memberId: string;
}): Promise<void> {
  if ((await ctx.kernel.realtime.countSockets(liveRooms.member(sessionId, memberId))) > 0) return;
  const participant = await findParticipant(ctx.kernel.db, sessionId, memberId);
  if (participant?.attendance !== 'waiting') return;
  await transact(ctx.kernel, async (trx) => setAttendance(trx, participant.id, 'left'));
  await publishParticipants(ctx.kernel, sessionId);
}
