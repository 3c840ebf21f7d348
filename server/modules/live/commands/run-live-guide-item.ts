import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { LIVE_EVENTS } from '../../../../common/live/protocol.ts';
import { findItem, lockItem, setItemState } from '../live-guide.repository.ts';
import { liveRooms, publishEntry } from '../live-broadcast.ts';
import { livePolicy } from '../live.policy.ts';
import { ItemInput } from '../live-room.schemas.ts';
import { appendRoomEntry } from './append-room-entry.ts';
import { loadLiveRoom } from './load-live-room.ts';

/**
 * The moderator sends a queued guide item to the room (`live.item.send`, with its text as edited at the
 * last moment) or skips it (`live.item.skip`). A sent item becomes a numbered room entry; notes-to-self are
 * never sent. Sending starts a scheduled session. Staff are told the item's new state.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden | conflict: not queued)
 */
export async function runLiveGuideItem({
  ctx,
  action,
  input,
}: {
  ctx: Ctx;
  action: 'send' | 'skip';
  input: unknown;
}): Promise<{ seq: number | null }> {
  const body = validate(ItemInput, input);
  const room = await loadLiveRoom(ctx, body.sessionId);
  authorize(livePolicy, 'moderate', ctx.actor, room);
  const item = await findItem(ctx.kernel.db, room.row.id, body.itemId);
  if (!item) throw new AppError('not_found');
  if (action === 'send' && item.kind === 'note')
    throw new AppError('conflict', { messageKey: 'live.error.noteNotSent' });
  const entry = await transact(ctx.kernel, async (trx) => {
    const current = await lockItem(trx, item.id);
    if (current.state !== 'queued')
      throw new AppError('conflict', { messageKey: 'live.error.itemNotQueued' });
    if (action === 'skip') {
      await setItemState(trx, item.id, { state: 'skipped' });
      return null;
    }
    const text = (body.body ?? current.body).trim();
    await setItemState(trx, item.id, { state: 'sent', body: text });
    return appendRoomEntry(
      trx,
      room.row,
      {
        kind: 'item',
        author_member_id: room.membership?.id ?? null,
        author_role: 'moderator',
        body: text,
        item_id: item.id,
      },
      { starts: true },
    );
  });
  if (entry) publishEntry(ctx.kernel, entry);
  ctx.kernel.realtime.send([liveRooms.staff(room.row.id)], LIVE_EVENTS.guide, {
    sessionId: room.row.id,
    itemId: item.id,
    state: action === 'send' ? 'sent' : 'skipped',
    at: new Date().toISOString(),
  });
  return { seq: entry?.seq ?? null };
}
