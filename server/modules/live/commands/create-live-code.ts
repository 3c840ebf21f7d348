import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError, isUniqueViolation } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { insertCode } from '../live-tools.repository.ts';
import { codingEvent, LiveToolEvents } from '../live-tools.events.ts';
import { CreateLiveCodeBody } from '../live-tools.schemas.ts';
import type { LiveCodeDto } from '../live.schemas.ts';
import { loadForCoding } from './list-live-codes.ts';

/**
 * Adds a code (a name and a colour) to a session's codebook (its moderators and observers, at any time).
 * Emits `live_code.created`.
 * @throws AppError(validation_failed: input, or a name already in the codebook | not_found | unauthenticated |
 *   forbidden)
 */
export async function createLiveCode({
  ctx,
  community,
  sessionId,
  input,
}: {
  ctx: Ctx;
  community: string;
  sessionId: string;
  input: unknown;
}): Promise<LiveCodeDto> {
  const body = validate(CreateLiveCodeBody, input);
  const name = body.name.trim();
  if (!name) throw AppError.field('/name', 'validation.required');
  const loaded = await loadForCoding(ctx, community, sessionId);
  const session = loaded.row;
  try {
    const row = await transact(ctx.kernel, async (trx, emit) => {
      const code = await insertCode(trx, {
        id: newId(),
        community_id: session.community_id,
        session_id: session.id,
        name,
        colour: body.colour.toLowerCase(),
        created_by: loaded.membership?.id ?? null,
      });
      await emit(codingEvent(LiveToolEvents.codeCreated, session, ctx.actor!.userId, { codeId: code.id }));
      return code;
    });
    return { id: row.id, name: row.name, colour: row.colour, excerpts: [] };
  } catch (error) {
    if (isUniqueViolation(error, 'live_codes_session_name_key'))
      throw AppError.field('/name', 'live.code.nameTaken');
    throw error;
  }
}
