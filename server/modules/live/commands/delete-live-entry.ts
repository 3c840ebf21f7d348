import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { publishEntry } from '../live-broadcast.ts';
import { livePolicy } from '../live.policy.ts';
import { findEntry, markEntryDeleted } from '../live-room.repository.ts';
import { DeleteInput } from '../live-room.schemas.ts';
import { appendRoomEntry } from './append-room-entry.ts';
import { loadLiveRoom } from './load-live-room.ts';

/**
 * The moderator deletes a message or an answer (`live.delete`): its text is no longer sent to anyone
 * (staff keep it in the transcript) and a numbered `deletion` entry tells every client. Audited.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden | conflict: not a message
 *   or answer, or deleted already)
 */
export async function deleteLiveEntry({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: unknown;
}): Promise<{ seq: number }> {
  const body = validate(DeleteInput, input);
  const room = await loadLiveRoom(ctx, body.sessionId);
  authorize(livePolicy, 'moderate', ctx.actor, room);
  const target = await findEntry(ctx.kernel.db, room.row.id, body.seq);
  if (!target) throw new AppError('not_found');
  if (!['message', 'answer', 'private'].includes(target.kind) || target.deleted_at) {
    throw new AppError('conflict', { messageKey: 'live.error.notDeletable' });
  }
  const entry = await transact(ctx.kernel, async (trx) => {
    await markEntryDeleted(trx, room.row.id, target.seq);
    await writeAudit(trx, {
      communityId: room.row.community_id,
      actorUserId: ctx.actor!.userId,
      action: 'live_session.delete_entry',
      targetType: 'live_message',
      targetId: target.id,
      data: { seq: target.seq },
    });
    return appendRoomEntry(trx, room.row, {
      kind: 'deletion',
      author_member_id: room.membership?.id ?? null,
      author_role: 'moderator',
      body: null,
      target_seq: target.seq,
    });
  });
  publishEntry(ctx.kernel, entry);
  return { seq: entry.seq };
}
