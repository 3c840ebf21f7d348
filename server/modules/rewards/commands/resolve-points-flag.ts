import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { transact } from '../../../platform/kernel.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { resolveFlag } from '../history.repository.ts';
import { PointsEvents } from '../rewards.events.ts';
import { pointsPolicy } from '../rewards.policy.ts';

/**
 * Closes a burst flag once staff looked at it (moderators, admins, platform admins); a later burst opens
 * a new one. Audited; emits `points_flag.resolved`.
 * @throws AppError(not_found (also when already resolved) | unauthenticated | forbidden)
 */
export async function resolvePointsFlag({
  ctx,
  community,
  flagId,
}: {
  ctx: Ctx;
  community: string;
  flagId: string;
}): Promise<{ id: string; resolved: true }> {
  const loaded = await loadCommunity(ctx, community);
  authorize(pointsPolicy, 'managePoints', ctx.actor, loaded);
  const communityId = loaded.community.id;
  const actorUserId = ctx.actor!.userId;
  await transact(ctx.kernel, async (trx, emit) => {
    const row = await resolveFlag(trx, communityId, flagId, actorUserId);
    if (!row) throw new AppError('not_found');
    await writeAudit(trx, {
      communityId,
      actorUserId,
      action: 'points_flag.resolve',
      targetType: 'member',
      targetId: row.member_id,
      data: { flagId },
    });
    await emit({
      type: PointsEvents.flagResolved,
      communityId,
      actorUserId,
      payload: { communityId, flagId, memberId: row.member_id },
    });
  });
  return { id: flagId, resolved: true };
}
