import type { Ctx } from '../../../platform/context.ts';
import { found } from '../../../platform/errors/app-error.ts';
import { transact } from '../../../platform/kernel.ts';
import { deleteExcerpt, findExcerpt } from '../live-tools.repository.ts';
import { codingEvent, LiveToolEvents } from '../live-tools.events.ts';
import { loadForCoding } from './list-live-codes.ts';

/**
 * Removes a code from an excerpt (the session's moderators and observers). Emits `live_excerpt.untagged`.
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function untagLiveExcerpt({
  ctx,
  community,
  sessionId,
  excerptId,
}: {
  ctx: Ctx;
  community: string;
  sessionId: string;
  excerptId: string;
}): Promise<{ id: string; deleted: true }> {
  const loaded = await loadForCoding(ctx, community, sessionId);
  const session = loaded.row;
  const excerpt = found(await findExcerpt(ctx.kernel.db, session.id, excerptId));
  await transact(ctx.kernel, async (trx, emit) => {
    await deleteExcerpt(trx, excerpt.id);
    await emit(
      codingEvent(LiveToolEvents.excerptUntagged, session, ctx.actor!.userId, {
        codeId: excerpt.code_id,
        excerptId: excerpt.id,
      }),
    );
  });
  return { id: excerpt.id, deleted: true };
}
