import type { Ctx } from '../../../platform/context.ts';
import { validate } from '../../../platform/http/validation.ts';
import { denyAward } from '../award-points.ts';
import { DenyAwardBody, type LedgerEntryDto } from '../rewards.schemas.ts';
import { SETTLE_EVENTS, settlePendingAward } from './settle-pending-award.ts';

/**
 * Denies a pending award with a reason shown to the member (moderators, admins, platform admins): its
 * points leave the pending balance and never become available. Audited; emits `points_award.denied`.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden | conflict when no longer pending)
 */
export async function denyPendingAward({
  ctx,
  community,
  awardId,
  input,
}: {
  ctx: Ctx;
  community: string;
  awardId: string;
  input: unknown;
}): Promise<LedgerEntryDto> {
  const body = validate(DenyAwardBody, input);
  const reason = body.reason.trim();
  return settlePendingAward(ctx, community, awardId, {
    status: 'denied',
    event: SETTLE_EVENTS.deny,
    audit: 'points.deny',
    reason,
    settle: (trx, communityId, actorUserId) => denyAward(trx, communityId, awardId, { reason, actorUserId }),
  });
}
