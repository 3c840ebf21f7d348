import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { findItem, updateItemFlags } from '../live-guide.repository.ts';
import { publishTally } from '../live-broadcast.ts';
import { livePolicy } from '../live.policy.ts';
import { listAnswers } from '../live-room.repository.ts';
import { TallyInput } from '../live-room.schemas.ts';
import { answerersOf, tallyOf } from '../live-tally.ts';
import { loadLiveRoom } from './load-live-room.ts';

/**
 * The moderator shows or hides a choice or rating question's live tally to participants
 * (`live.tally.show`); staff always see it. The current tally goes out at once; for a blind question not
 * revealed yet, only to the participants who answered it (see `tallyAudience`).
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden | conflict: not a choice
 *   or rating question)
 */
export async function showLiveTally({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: unknown;
}): Promise<{ show: boolean }> {
  const body = validate(TallyInput, input);
  const room = await loadLiveRoom(ctx, body.sessionId);
  authorize(livePolicy, 'moderate', ctx.actor, room);
  const item = await findItem(ctx.kernel.db, room.row.id, body.itemId);
  if (!item) throw new AppError('not_found');
  if (item.kind !== 'question' || item.question_type === 'open') {
    throw new AppError('conflict', { messageKey: 'live.error.notChoice' });
  }
  await transact(ctx.kernel, async (trx) => updateItemFlags(trx, item.id, { tallyShown: body.show }));
  const answers = await listAnswers(ctx.kernel.db, room.row.id, item.id);
  publishTally(
    ctx.kernel,
    room.row.id,
    tallyOf(item, answers),
    { ...item, tally_shown: body.show },
    answerersOf(answers),
    !body.show,
  );
  return { show: body.show };
}
