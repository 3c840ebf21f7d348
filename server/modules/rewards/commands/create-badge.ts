import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, isUniqueViolation } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { insertBadge } from '../badges.repository.ts';
import { PointsEvents } from '../rewards.events.ts';
import { pointsPolicy } from '../rewards.policy.ts';
import { presentBadge } from '../rewards.presenter.ts';
import { type BadgeDto, CreateBadgeBody } from '../rewards.schemas.ts';

/**
 * Creates a badge that staff award by hand (community admins and platform admins); names are unique per
 * community, whatever their case. Audited; emits `badge.created`.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden)
 */
export async function createBadge({
  ctx,
  community,
  input,
}: {
  ctx: Ctx;
  community: string;
  input: unknown;
}): Promise<BadgeDto> {
  const body = validate(CreateBadgeBody, input);
  const loaded = await loadCommunity(ctx, community);
  authorize(pointsPolicy, 'configurePoints', ctx.actor, loaded);
  const communityId = loaded.community.id;
  const actorUserId = ctx.actor!.userId;
  const name = body.name.trim();
  try {
    const row = await transact(ctx.kernel, async (trx, emit) => {
      const badge = await insertBadge(trx, {
        communityId,
        name,
        description: (body.description ?? '').trim(),
      });
      await writeAudit(trx, {
        communityId,
        actorUserId,
        action: 'badge.create',
        targetType: 'badge',
        targetId: badge.id,
        data: { name },
      });
      await emit({
        type: PointsEvents.badgeCreated,
        communityId,
        actorUserId,
        payload: { communityId, badgeId: badge.id },
      });
      return badge;
    });
    return presentBadge({ ...row, holders_count: 0 });
  } catch (error) {
    if (isUniqueViolation(error, 'badges_name_key'))
      throw AppError.field('/name', 'points.validation.badgeTaken');
    throw error;
  }
}
