import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError, isAppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { copyCodes } from '../live-tools.repository.ts';
import { codingEvent, LiveToolEvents } from '../live-tools.events.ts';
import { CopyLiveCodesBody } from '../live-tools.schemas.ts';
import { livePolicy } from '../live.policy.ts';
import type { LiveCodeDto } from '../live.schemas.ts';
import { loadForCoding, readCodebook } from './list-live-codes.ts';
import { loadLiveSession } from './load-live-session.ts';

/**
 * Reuses the codes of another session of the community: copies their names and colours into this
 * session's codebook (its moderators and observers, who must also read the other session's transcript).
 * Names already in the codebook are kept as they are; excerpts are never copied. Emits `live_code.copied`
 * when codes were added.
 * @throws AppError(validation_failed: input, the same session, or a session the actor may not read |
 *   not_found | unauthenticated | forbidden)
 */
export async function copyLiveCodes({
  ctx,
  community,
  sessionId,
  input,
}: {
  ctx: Ctx;
  community: string;
  sessionId: string;
  input: unknown;
}): Promise<{ items: LiveCodeDto[]; copied: number }> {
  const { fromSessionId } = validate(CopyLiveCodesBody, input);
  const loaded = await loadForCoding(ctx, community, sessionId);
  const session = loaded.row;
  if (fromSessionId === session.id) throw AppError.field('/fromSessionId', 'live.code.sameSession');
  try {
    const source = await loadLiveSession(ctx, community, fromSessionId);
    authorize(livePolicy, 'readTranscript', ctx.actor, source);
  } catch (error) {
    // A session the actor cannot read is not a choice: its existence is not revealed.
    if (isAppError(error) && (error.code === 'not_found' || error.code === 'forbidden'))
      throw AppError.field('/fromSessionId', 'validation.invalidChoice');
    throw error;
  }
  const added = await transact(ctx.kernel, async (trx, emit) => {
    const ids = await copyCodes(
      trx,
      { sessionId: fromSessionId },
      { sessionId: session.id, communityId: session.community_id, createdBy: loaded.membership?.id ?? null },
      newId,
    );
    if (ids.length > 0)
      await emit(
        codingEvent(LiveToolEvents.codesCopied, session, ctx.actor!.userId, { fromSessionId, codeIds: ids }),
      );
    return ids.length;
  });
  return { items: await readCodebook(ctx.kernel.db, session.id), copied: added };
}
