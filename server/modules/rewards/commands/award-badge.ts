import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, found } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { findBadge, insertMemberBadge, listMemberBadgeRows } from '../badges.repository.ts';
import { findMemberFacts } from '../points.repository.ts';
import { PointsEvents } from '../rewards.events.ts';
import { pointsPolicy } from '../rewards.policy.ts';
import { presentMemberBadge } from '../rewards.presenter.ts';
import { AwardBadgeBody, type MemberBadgeDto } from '../rewards.schemas.ts';

/**
 * Awards a badge by hand to an active member other than oneself (moderators, admins, platform admins);
 * rule badges too.
 * Audited; emits `badge.awarded`.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden | conflict when already held)
 */
export async function awardBadge({
  ctx,
  community,
  badgeId,
  input,
}: {
  ctx: Ctx;
  community: string;
  badgeId: string;
  input: unknown;
}): Promise<MemberBadgeDto> {
  const body = validate(AwardBadgeBody, input);
  const loaded = await loadCommunity(ctx, community);
  authorize(pointsPolicy, 'managePoints', ctx.actor, loaded);
  const communityId = loaded.community.id;
  const db = ctx.kernel.db;
  const badge = found(await findBadge(db, communityId, badgeId));
  const member = await findMemberFacts(db, communityId, body.memberId);
  if (!member || member.status !== 'active') throw new AppError('not_found');
  if (member.id === loaded.membership?.id)
    throw new AppError('forbidden', { messageKey: 'points.error.selfBadge' });
  const actorUserId = ctx.actor!.userId;
  const id = await transact(ctx.kernel, async (trx, emit) => {
    const row = await insertMemberBadge(trx, {
      communityId,
      badgeId: badge.id,
      memberId: member.id,
      actorUserId,
    });
    if (!row) throw new AppError('conflict', { messageKey: 'points.error.badgeHeld' });
    await writeAudit(trx, {
      communityId,
      actorUserId,
      action: 'badge.award',
      targetType: 'member',
      targetId: member.id,
      data: { badgeId: badge.id },
    });
    await emit({
      type: PointsEvents.badgeAwarded,
      communityId,
      actorUserId,
      payload: { communityId, badgeId: badge.id, memberId: member.id, memberBadgeId: row.id },
    });
    return row.id;
  });
  const [row] = await listMemberBadgeRows(db, communityId, { ids: [id], withRevoked: true });
  return presentMemberBadge(row);
}
