import type { LiveEntry } from '../../../../common/live/protocol.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { listAnsweredItems, listEntries, reactionCounts } from '../live-room.repository.ts';
import { presentEntry } from '../live-room.presenter.ts';
import { ResumeInput } from '../live-room.schemas.ts';
import { isRoomStaff, loadLiveRoom } from './load-live-room.ts';

/** The most entries one `live.resume` answers; the client asks again from the last one. */
export const RESUME_PAGE = 200;

/**
 * Replays the room from the database after `afterSeq`, in order (`live.resume`), as this viewer may see it:
 * staff read everything; an admitted participant reads public entries, their private exchange and the blind
 * answers they are entitled to, and gets numbered placeholders for the rest. `more` says another page waits.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden: not admitted)
 */
export async function readLiveEntries({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: unknown;
}): Promise<{ entries: LiveEntry[]; lastSeq: number; more: boolean }> {
  const { sessionId, afterSeq } = validate(ResumeInput, input);
  const room = await loadLiveRoom(ctx, sessionId);
  const staff = isRoomStaff(ctx, room);
  const admitted = room.participant?.attendance === 'admitted' || room.participant?.attendance === 'left';
  if (!staff && !(admitted && room.staffRole === null)) {
    throw new AppError(ctx.actor ? 'forbidden' : 'unauthenticated', { messageKey: 'live.error.notAdmitted' });
  }
  const memberId = room.membership?.id ?? null;
  const db = ctx.kernel.db;
  const rows = await listEntries(db, sessionId, afterSeq, RESUME_PAGE);
  const answered = !staff && memberId ? await listAnsweredItems(db, sessionId, memberId) : new Set<string>();
  const counts = await reactionCounts(
    db,
    rows.filter((r) => r.kind === 'message' || r.kind === 'answer').map((r) => r.id),
  );
  const byMessage = new Map<string, Record<string, number>>();
  for (const c of counts)
    byMessage.set(c.message_id, { ...byMessage.get(c.message_id), [c.reaction]: Number(c.n) });
  const viewer = { staff, memberId, answered };
  return {
    entries: rows.map((r) => presentEntry(r, viewer, byMessage.get(r.id))),
    lastSeq: room.row.last_seq,
    more: rows.length === RESUME_PAGE,
  };
}
