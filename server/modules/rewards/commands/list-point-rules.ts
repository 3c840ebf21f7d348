import { abilitiesOf, authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { loadPointRules, loadRewardsSettings } from '../points.repository.ts';
import { pointsPolicy } from '../rewards.policy.ts';
import { presentPointRules } from '../rewards.presenter.ts';
import type { PointRulesDto } from '../rewards.schemas.ts';

/**
 * How to earn points in a community: the enabled rules and the review period for members; every rule
 * and every setting for staff; with the viewer's points abilities.
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function listPointRules({
  ctx,
  community,
}: {
  ctx: Ctx;
  community: string;
}): Promise<PointRulesDto> {
  const loaded = await loadCommunity(ctx, community);
  authorize(pointsPolicy, 'viewPoints', ctx.actor, loaded);
  const [rules, settings] = await Promise.all([
    loadPointRules(ctx.kernel.db, loaded.community.id),
    loadRewardsSettings(ctx.kernel.db, loaded.community.id),
  ]);
  return presentPointRules(rules, settings, abilitiesOf(pointsPolicy, ctx.actor, loaded));
}
