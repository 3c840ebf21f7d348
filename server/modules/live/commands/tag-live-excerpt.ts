import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { findCodableMessage, findCode, insertExcerpt } from '../live-tools.repository.ts';
import { codingEvent, LiveToolEvents } from '../live-tools.events.ts';
import { TagLiveExcerptBody } from '../live-tools.schemas.ts';
import type { LiveCodeDto } from '../live.schemas.ts';
import { loadForCoding, readCodebook } from './list-live-codes.ts';

/**
 * Tags a room message (by sequence number), or a span of its text (`start`–`end`, in characters), with a
 * code of the session's codebook (its moderators and observers). Tagging the same excerpt twice with one
 * code changes nothing. Emits `live_excerpt.tagged`. Returns the code with its excerpts.
 * @throws AppError(validation_failed: input, an unknown code, a message that is not written text, a span
 *   outside the text | not_found | unauthenticated | forbidden)
 */
export async function tagLiveExcerpt({
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
  const body = validate(TagLiveExcerptBody, input);
  if ((body.start === undefined) !== (body.end === undefined))
    throw AppError.field(body.start === undefined ? '/start' : '/end', 'validation.required');
  const loaded = await loadForCoding(ctx, community, sessionId);
  const session = loaded.row;
  const code = await findCode(ctx.kernel.db, session.id, body.codeId);
  if (!code) throw AppError.field('/codeId', 'validation.invalidChoice');
  const message = await findCodableMessage(ctx.kernel.db, session.id, body.seq);
  if (!message?.body) throw AppError.field('/seq', 'live.code.notCodable');
  const span =
    body.start !== undefined && body.end !== undefined ? { start: body.start, end: body.end } : null;
  if (span && (span.end <= span.start || span.end > message.body.length))
    throw AppError.field('/end', 'live.code.badSpan', { length: message.body.length });
  const quote = span ? message.body.slice(span.start, span.end) : message.body;
  if (!quote.trim()) throw AppError.field('/end', 'live.code.badSpan', { length: message.body.length });
  await transact(ctx.kernel, async (trx, emit) => {
    const inserted = await insertExcerpt(trx, {
      id: newId(),
      community_id: session.community_id,
      session_id: session.id,
      code_id: code.id,
      message_id: message.id,
      span_start: span?.start ?? null,
      span_end: span?.end ?? null,
      quote,
      created_by: loaded.membership?.id ?? null,
    });
    if (!inserted) return;
    await emit(
      codingEvent(LiveToolEvents.excerptTagged, session, ctx.actor!.userId, {
        codeId: code.id,
        excerptId: inserted.id,
      }),
    );
  });
  return (await readCodebook(ctx.kernel.db, session.id)).find((c) => c.id === code.id)!;
}
