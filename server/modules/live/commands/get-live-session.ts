import type { Ctx } from '../../../platform/context.ts';
import { listItems, listSections } from '../live-guide.repository.ts';
import { listMedia } from '../live-media.repository.ts';
import { livePolicy } from '../live.policy.ts';
import { presentGuide, presentSession } from '../live.presenter.ts';
import { findParticipant, listParticipants, listStaff } from '../live.repository.ts';
import type { LiveSessionDto } from '../live.schemas.ts';
import { loadLiveSession } from './load-live-session.ts';

/**
 * Reads a live session: staff (moderators and observers) see its staff, participants with their answers
 * and attendance, and the guide; an invited participant sees the session and their own invitation only.
 * @throws AppError(not_found | unauthenticated)
 */
export async function getLiveSession({
  ctx,
  community,
  sessionId,
}: {
  ctx: Ctx;
  community: string;
  sessionId: string;
}): Promise<LiveSessionDto> {
  const loaded = await loadLiveSession(ctx, community, sessionId);
  const db = ctx.kernel.db;
  const isStaff = livePolicy.manage(ctx.actor, loaded) || loaded.staffRole !== null;
  const participants = await listParticipants(db, loaded.row.id);
  const counts = {
    invited: participants.length,
    accepted: participants.filter((p) => p.invitation === 'accepted').length,
    declined: participants.filter((p) => p.invitation === 'declined').length,
  };
  const own = loaded.membership ? await findParticipant(db, loaded.row.id, loaded.membership.id) : undefined;
  return presentSession(loaded, ctx.actor, {
    counts,
    staff: isStaff ? await listStaff(db, loaded.row.id) : null,
    participants: isStaff ? participants : null,
    guide: isStaff
      ? presentGuide(
          await listSections(db, loaded.row.id),
          await listItems(db, loaded.row.id),
          await listMedia(db, loaded.row.id),
        )
      : null,
    participantRow: own ?? null,
  });
}
