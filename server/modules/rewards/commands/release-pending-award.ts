import type { Ctx } from '../../../platform/context.ts';
import { releaseAward } from '../award-points.ts';
import type { LedgerEntryDto } from '../rewards.schemas.ts';
import { SETTLE_EVENTS, settlePendingAward } from './settle-pending-award.ts';

/**
 * Validates a pending award before its review period ends (moderators, admins, platform admins): its
 * points become available at once. Audited; emits `points_award.released`.
 * @throws AppError(not_found | unauthenticated | forbidden | conflict when no longer pending)
 */
export async function releasePendingAward({
  ctx,
  community,
  awardId,
}: {
  ctx: Ctx;
  community: string;
  awardId: string;
}): Promise<LedgerEntryDto> {
  return settlePendingAward(ctx, community, awardId, {
    status: 'available',
    event: SETTLE_EVENTS.release,
    audit: 'points.release',
    settle: (trx, communityId, actorUserId) => releaseAward(trx, communityId, awardId, actorUserId),
  });
}
