import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { communityLivePolicy } from '../live.policy.ts';
import { listSessionRows } from '../live.repository.ts';
import type { LiveSessionSummaryDto } from '../live.schemas.ts';

/**
 * Lists a community's live sessions, latest first: all of them for community admins and moderators, the
 * ones a member works on or is invited to otherwise (with their invitation's state).
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function listLiveSessions({
  ctx,
  community,
}: {
  ctx: Ctx;
  community: string;
}): Promise<{ items: LiveSessionSummaryDto[] }> {
  const loaded = await loadCommunity(ctx, community);
  const all = communityLivePolicy.manageSessions(ctx.actor, loaded);
  if (!all) authorize(communityLivePolicy, 'listOwnSessions', ctx.actor, loaded);
  const rows = await listSessionRows(ctx.kernel.db, loaded.community.id, {
    all,
    memberId: loaded.membership?.id ?? null,
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      startsAt: r.starts_at.toISOString(),
      durationMinutes: r.duration_minutes,
      status: r.status,
      myRole: r.staff_role ?? (r.invitation ? 'participant' : all ? 'moderator' : null),
      invitation: r.invitation ?? null,
    })),
  };
}
