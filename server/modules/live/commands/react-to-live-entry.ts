import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { LIVE_EVENTS } from '../../../../common/live/protocol.ts';
import { liveRooms } from '../live-broadcast.ts';
import { livePolicy } from '../live.policy.ts';
import { findEntry, insertReaction, listAnsweredItems, reactionCounts } from '../live-room.repository.ts';
import { mayRead } from '../live-room.presenter.ts';
import { ReactInput } from '../live-room.schemas.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import { loadLiveRoom } from './load-live-room.ts';

/**
 * An admitted participant reacts to a message or an answer they can read (`live.react`: agree, disagree
 * or an emoji), once per reaction; everyone in the room gets the entry's new counts.
 * @throws AppError(validation_failed | not_found: unknown or unreadable entry | unauthenticated | forbidden)
 */
export async function reactToLiveEntry({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: unknown;
}): Promise<{ reactions: Record<string, number> }> {
  const body = validate(ReactInput, input);
  const room = await loadLiveRoom(ctx, body.sessionId);
  authorize(livePolicy, 'post', ctx.actor, room);
  const memberId = room.membership!.id;
  const entry = await findEntry(ctx.kernel.db, room.row.id, body.seq);
  const answered = await listAnsweredItems(ctx.kernel.db, room.row.id, memberId);
  if (
    !entry ||
    !['message', 'answer'].includes(entry.kind) ||
    entry.deleted_at ||
    !mayRead(entry, { staff: false, memberId, answered })
  ) {
    throw new AppError('not_found');
  }
  await transact(ctx.kernel, async (trx) =>
    insertReaction(trx, {
      message_id: entry.id,
      member_id: memberId,
      session_id: room.row.id,
      reaction: body.reaction,
    }),
  );
  const reactions: Record<string, number> = {};
  for (const c of await reactionCounts(ctx.kernel.db, [entry.id])) reactions[c.reaction] = Number(c.n);
  ctx.kernel.realtime.send([liveRooms.room(room.row.id)], LIVE_EVENTS.reactions, {
    sessionId: room.row.id,
    seq: entry.seq,
    reactions,
  });
  return { reactions };
}
