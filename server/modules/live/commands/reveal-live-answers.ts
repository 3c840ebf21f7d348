import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { findItem, lockItem, updateItemFlags } from '../live-guide.repository.ts';
import { publishEntry, publishTally, publishToParticipants } from '../live-broadcast.ts';
import { livePolicy } from '../live.policy.ts';
import { listAnswers } from '../live-room.repository.ts';
import { ItemInput } from '../live-room.schemas.ts';
import { tallyOf } from '../live-tally.ts';
import { appendRoomEntry } from './append-room-entry.ts';
import { loadLiveRoom } from './load-live-room.ts';

/**
 * The moderator reveals a sent blind question's answers to every participant (`live.reveal`): a numbered
 * `reveal` entry, then the answers in full to the participants, and the tally when the moderator shows it.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden | conflict: not a sent
 *   blind question, or revealed already)
 */
export async function revealLiveAnswers({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: unknown;
}): Promise<{ seq: number }> {
  const body = validate(ItemInput, input);
  const room = await loadLiveRoom(ctx, body.sessionId);
  authorize(livePolicy, 'moderate', ctx.actor, room);
  const item = await findItem(ctx.kernel.db, room.row.id, body.itemId);
  if (!item) throw new AppError('not_found');
  const entry = await transact(ctx.kernel, async (trx) => {
    const current = await lockItem(trx, item.id);
    if (!current.blind || current.state !== 'sent' || current.revealed_at) {
      throw new AppError('conflict', { messageKey: 'live.error.notBlind' });
    }
    await updateItemFlags(trx, item.id, { revealed: true });
    return appendRoomEntry(trx, room.row, {
      kind: 'reveal',
      author_member_id: room.membership?.id ?? null,
      author_role: 'moderator',
      body: null,
      item_id: item.id,
    });
  });
  publishEntry(ctx.kernel, entry);
  const answers = await listAnswers(ctx.kernel.db, room.row.id, item.id);
  publishToParticipants(ctx.kernel, room.row.id, answers);
  if (item.tally_shown && item.question_type !== 'open') {
    // Revealed: a shown tally now reaches every participant.
    publishTally(ctx.kernel, room.row.id, tallyOf(item, answers), { ...item, revealed_at: new Date() }, []);
  }
  return { seq: entry.seq };
}
