import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { publishBackroom, publishEntry } from '../live-broadcast.ts';
import { livePolicy } from '../live.policy.ts';
import {
  decideSuggestion,
  insertBackroomEntry,
  listBackroom,
  lockSuggestion,
  takeBackroomSeq,
} from '../live-backroom.repository.ts';
import { presentBackroomEntry } from '../live-room.presenter.ts';
import { DecideInput } from '../live-room.schemas.ts';
import { appendRoomEntry } from './append-room-entry.ts';
import { loadLiveRoom } from './load-live-room.ts';

/**
 * The moderator approves an observer's probe suggestion (`live.suggestion.decide`, optionally edited): it is
 * posted in the room as a moderator question, with nothing of its author; or rejects it. Either way the
 * backroom keeps the decision. Audited.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden | conflict: decided already)
 */
export async function decideLiveProbe({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: unknown;
}): Promise<{ roomSeq: number | null }> {
  const body = validate(DecideInput, input);
  const room = await loadLiveRoom(ctx, body.sessionId);
  authorize(livePolicy, 'moderate', ctx.actor, room);
  const sid = room.row.id;
  const memberId = room.membership?.id ?? null;
  const { entry, backroomSeq } = await transact(ctx.kernel, async (trx) => {
    const suggestion = await lockSuggestion(trx, sid, body.suggestionId);
    if (!suggestion) throw new AppError('not_found');
    if (suggestion.status !== 'pending') throw new AppError('conflict', { messageKey: 'live.error.decided' });
    const text = (body.body ?? suggestion.body).trim();
    const entry =
      body.decision === 'approve'
        ? await appendRoomEntry(trx, room.row, {
            kind: 'message',
            author_member_id: memberId,
            author_role: 'moderator',
            body: text,
          })
        : null;
    await decideSuggestion(
      trx,
      suggestion.id,
      entry
        ? { status: 'approved', postedBody: text, roomSeq: entry.seq, by: memberId }
        : { status: 'rejected', by: memberId },
    );
    const backroomSeq = await takeBackroomSeq(trx, sid);
    await insertBackroomEntry(trx, {
      id: newId(),
      community_id: room.row.community_id,
      session_id: sid,
      seq: backroomSeq,
      kind: entry ? 'approved' : 'rejected',
      author_member_id: memberId,
      body: entry ? text : suggestion.body,
      suggestion_id: suggestion.id,
    });
    await writeAudit(trx, {
      communityId: room.row.community_id,
      actorUserId: ctx.actor!.userId,
      action: `live_session.probe_${entry ? 'approved' : 'rejected'}`,
      targetType: 'live_probe_suggestion',
      targetId: suggestion.id,
    });
    return { entry, backroomSeq };
  });
  if (entry) publishEntry(ctx.kernel, entry);
  const [row] = await listBackroom(ctx.kernel.db, sid, backroomSeq - 1, 1);
  publishBackroom(ctx.kernel, sid, presentBackroomEntry(row));
  return { roomSeq: entry?.seq ?? null };
}
