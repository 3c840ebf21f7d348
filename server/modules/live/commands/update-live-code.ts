import type { Ctx } from '../../../platform/context.ts';
import { AppError, found, isUniqueViolation } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { findCode, updateCode } from '../live-tools.repository.ts';
import { codingEvent, LiveToolEvents } from '../live-tools.events.ts';
import { UpdateLiveCodeBody } from '../live-tools.schemas.ts';
import type { LiveCodeDto } from '../live.schemas.ts';
import { loadForCoding, readCodebook } from './list-live-codes.ts';

/**
 * Renames or recolours a code of a session's codebook (its moderators and observers, at any time); its
 * excerpts keep it. Emits `live_code.updated`.
 * @throws AppError(validation_failed: input, or a name already in the codebook | not_found | unauthenticated |
 *   forbidden)
 */
export async function updateLiveCode({
  ctx,
  community,
  sessionId,
  codeId,
  input,
}: {
  ctx: Ctx;
  community: string;
  sessionId: string;
  codeId: string;
  input: unknown;
}): Promise<LiveCodeDto> {
  const body = validate(UpdateLiveCodeBody, input);
  const name = body.name?.trim();
  if (body.name !== undefined && !name) throw AppError.field('/name', 'validation.required');
  const loaded = await loadForCoding(ctx, community, sessionId);
  const session = loaded.row;
  const code = found(await findCode(ctx.kernel.db, session.id, codeId));
  try {
    await transact(ctx.kernel, async (trx, emit) => {
      await updateCode(trx, code.id, {
        ...(name !== undefined ? { name } : {}),
        ...(body.colour !== undefined ? { colour: body.colour.toLowerCase() } : {}),
      });
      await emit(codingEvent(LiveToolEvents.codeUpdated, session, ctx.actor!.userId, { codeId: code.id }));
    });
  } catch (error) {
    if (isUniqueViolation(error, 'live_codes_session_name_key'))
      throw AppError.field('/name', 'live.code.nameTaken');
    throw error;
  }
  return (await readCodebook(ctx.kernel.db, session.id)).find((c) => c.id === code.id)!;
}
