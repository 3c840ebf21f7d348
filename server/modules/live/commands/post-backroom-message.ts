import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { publishBackroom } from '../live-broadcast.ts';
import { livePolicy } from '../live.policy.ts';
import {
  insertBackroomEntry,
  insertSuggestion,
  listBackroom,
  takeBackroomSeq,
} from '../live-backroom.repository.ts';
import { presentBackroomEntry } from '../live-room.presenter.ts';
import { BackroomInput } from '../live-room.schemas.ts';
import { loadLiveRoom } from './load-live-room.ts';

/**
 * Writes in the confidential backroom (`live.backroom.send`), or suggests a probe to the moderator
 * (`live.suggest`, kept as a pending suggestion). Staff only; the entry is numbered in the backroom's own
 * sequence and sent to the staff's room only, never to participants.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden)
 */
export async function postBackroomMessage({
  ctx,
  kind,
  input,
}: {
  ctx: Ctx;
  kind: 'message' | 'suggestion';
  input: unknown;
}): Promise<{ seq: number; suggestionId: string | null }> {
  const body = validate(BackroomInput, input);
  const text = body.body.trim();
  if (!text) throw AppError.field('/body', 'validation.required');
  const room = await loadLiveRoom(ctx, body.sessionId);
  authorize(livePolicy, kind === 'message' ? 'observe' : 'suggestProbe', ctx.actor, room);
  if (!room.membership) throw new AppError('forbidden', { messageKey: 'live.error.needsMembership' });
  const memberId = room.membership.id;
  const sid = room.row.id;
  const { seq, suggestionId } = await transact(ctx.kernel, async (trx) => {
    const suggestionId = kind === 'suggestion' ? newId() : null;
    if (suggestionId) {
      await insertSuggestion(trx, {
        id: suggestionId,
        community_id: room.row.community_id,
        session_id: sid,
        author_member_id: memberId,
        body: text,
      });
    }
    const seq = await takeBackroomSeq(trx, sid);
    await insertBackroomEntry(trx, {
      id: newId(),
      community_id: room.row.community_id,
      session_id: sid,
      seq,
      kind,
      author_member_id: memberId,
      body: text,
      suggestion_id: suggestionId,
    });
    return { seq, suggestionId };
  });
  const [row] = await listBackroom(ctx.kernel.db, sid, seq - 1, 1);
  publishBackroom(ctx.kernel, sid, presentBackroomEntry(row));
  return { seq, suggestionId };
}
