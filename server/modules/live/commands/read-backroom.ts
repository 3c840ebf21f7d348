import type { LiveBackroomEntry } from '../../../../common/live/protocol.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { validate } from '../../../platform/http/validation.ts';
import { livePolicy } from '../live.policy.ts';
import { listBackroom } from '../live-backroom.repository.ts';
import { presentBackroomEntry } from '../live-room.presenter.ts';
import { ResumeInput } from '../live-room.schemas.ts';
import { RESUME_PAGE } from './read-live-entries.ts';
import { loadLiveRoom } from './load-live-room.ts';

/**
 * Replays the backroom after `afterSeq`, in order (`live.backroom.resume`; staff only).
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden)
 */
export async function readBackroom({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: unknown;
}): Promise<{ entries: LiveBackroomEntry[]; more: boolean }> {
  const { sessionId, afterSeq } = validate(ResumeInput, input);
  const room = await loadLiveRoom(ctx, sessionId);
  authorize(livePolicy, 'observe', ctx.actor, room);
  const rows = await listBackroom(ctx.kernel.db, sessionId, afterSeq, RESUME_PAGE);
  return { entries: rows.map(presentBackroomEntry), more: rows.length === RESUME_PAGE };
}
