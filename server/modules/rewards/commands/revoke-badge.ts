import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { listMemberBadgeRows, revokeMemberBadge } from '../badges.repository.ts';
import { PointsEvents } from '../rewards.events.ts';
import { pointsPolicy } from '../rewards.policy.ts';
import { presentMemberBadge } from '../rewards.presenter.ts';
import { type MemberBadgeDto, RevokeBadgeBody } from '../rewards.schemas.ts';

/**
 * Revokes a member's badge with a reason (moderators, admins, platform admins); a rule badge revoked
 * this way is not given back by its rule. Audited; emits `badge.revoked`.
 * @throws AppError(validation_failed | not_found (also when already revoked) | unauthenticated | forbidden)
 */
export async function revokeBadge({
  ctx,
  community,
  memberBadgeId,
  input,
}: {
  ctx: Ctx;
  community: string;
  memberBadgeId: string;
  input: unknown;
}): Promise<MemberBadgeDto> {
  const body = validate(RevokeBadgeBody, input);
  const loaded = await loadCommunity(ctx, community);
  authorize(pointsPolicy, 'managePoints', ctx.actor, loaded);
  const communityId = loaded.community.id;
  const actorUserId = ctx.actor!.userId;
  const reason = body.reason.trim();
  await transact(ctx.kernel, async (trx, emit) => {
    const row = await revokeMemberBadge(trx, { communityId, memberBadgeId, actorUserId, reason });
    if (!row) throw new AppError('not_found');
    await writeAudit(trx, {
      communityId,
      actorUserId,
      action: 'badge.revoke',
      targetType: 'member',
      targetId: row.member_id,
      data: { badgeId: row.badge_id, reason },
    });
    await emit({
      type: PointsEvents.badgeRevoked,
      communityId,
      actorUserId,
      payload: { communityId, badgeId: row.badge_id, memberId: row.member_id, memberBadgeId },
    });
  });
  const [row] = await listMemberBadgeRows(ctx.kernel.db, communityId, {
    ids: [memberBadgeId],
    withRevoked: true,
  });
  return presentMemberBadge(row);
}
