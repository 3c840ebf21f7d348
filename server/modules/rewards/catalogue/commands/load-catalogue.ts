import type { Ctx } from '../../../../platform/context.ts';
import { isUuid } from '../../../../platform/db/ids.ts';
import { AppError } from '../../../../platform/errors/app-error.ts';
import { loadCommunity } from '../../../communities/commands/load-community.ts';
import type { CatalogueResource } from '../catalogue.policy.ts';
import { findRedemptionDetail, findReward } from '../catalogue.repository.ts';

/**
 * Loads a community the actor may see, with their membership.
 * @throws AppError(not_found)
 */
export async function loadCatalogue(ctx: Ctx, communityKey: string): Promise<CatalogueResource> {
  return loadCommunity(ctx, communityKey);
}

/**
 * Loads a reward of a community; malformed, unknown and foreign rewards are not found.
 * @throws AppError(not_found)
 */
export async function loadReward(ctx: Ctx, communityKey: string, rewardId: string) {
  const resource = await loadCatalogue(ctx, communityKey);
  if (!isUuid(rewardId)) throw new AppError('not_found');
  const reward = await findReward(ctx.kernel.db, resource.community.id, rewardId);
  if (!reward) throw new AppError('not_found');
  return { ...resource, reward };
}

/**
 * Loads a redemption of a community with its reward, member and code; malformed, unknown and foreign
 * ones are not found.
 * @throws AppError(not_found)
 */
export async function loadRedemption(ctx: Ctx, communityKey: string, redemptionId: string) {
  const resource = await loadCatalogue(ctx, communityKey);
  if (!isUuid(redemptionId)) throw new AppError('not_found');
  const redemption = await findRedemptionDetail(ctx.kernel.db, resource.community.id, redemptionId);
  if (!redemption) throw new AppError('not_found');
  return { ...resource, redemption };
}
