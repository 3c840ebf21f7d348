import { authorize } from '../../../../platform/authz/policy.ts';
import type { Ctx } from '../../../../platform/context.ts';
import { AppError } from '../../../../platform/errors/app-error.ts';
import { cataloguePolicy } from '../catalogue.policy.ts';
import type { RewardDto } from '../catalogue.schemas.ts';
import { loadReward } from './load-catalogue.ts';
import { viewRewards } from './reward-view.ts';

/**
 * One reward with why the caller cannot redeem it (if so). A withdrawn reward exists for community
 * managers only.
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function getReward({
  ctx,
  community,
  rewardId,
}: {
  ctx: Ctx;
  community: string;
  rewardId: string;
}): Promise<RewardDto> {
  const resource = await loadReward(ctx, community, rewardId);
  authorize(cataloguePolicy, 'viewRewards', ctx.actor, resource);
  if (!resource.reward.active && !cataloguePolicy.manageRewards(ctx.actor, resource))
    throw new AppError('not_found');
  return (await viewRewards(ctx, resource, [resource.reward])).items[0];
}
