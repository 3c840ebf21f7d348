import type { Ctx } from '../../../platform/context.ts';
import { AppError, found } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { countCodeExcerpts, deleteCode, findCode } from '../live-tools.repository.ts';
import { codingEvent, LiveToolEvents } from '../live-tools.events.ts';
import { DeleteLiveCodeQuery } from '../live-tools.schemas.ts';
import { loadForCoding } from './list-live-codes.ts';

/**
 * Removes a code from a session's codebook (its moderators and observers). A code that tags excerpts is
 * removed only when `untag` confirms it (as Dovetail and Recollective ask before a tag leaves its
 * highlights): the excerpts lose this code, the messages stay. Emits `live_code.deleted` with the number
 * of excerpts untagged.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden | conflict: the code tags
 *   excerpts and `untag` was not given)
 */
export async function deleteLiveCode({
  ctx,
  community,
  sessionId,
  codeId,
  query = {},
}: {
  ctx: Ctx;
  community: string;
  sessionId: string;
  codeId: string;
  query?: unknown;
}): Promise<{ id: string; deleted: true; untagged: number }> {
  const { untag } = validate(DeleteLiveCodeQuery, query);
  const loaded = await loadForCoding(ctx, community, sessionId);
  const session = loaded.row;
  const code = found(await findCode(ctx.kernel.db, session.id, codeId));
  const untagged = await transact(ctx.kernel, async (trx, emit) => {
    const excerpts = await countCodeExcerpts(trx, code.id);
    if (excerpts > 0 && untag !== true) throw new AppError('conflict', { messageKey: 'live.code.inUse' });
    await deleteCode(trx, code.id);
    await emit(
      codingEvent(LiveToolEvents.codeDeleted, session, ctx.actor!.userId, {
        codeId: code.id,
        untagged: excerpts,
      }),
    );
    return excerpts;
  });
  return { id: code.id, deleted: true, untagged };
}
