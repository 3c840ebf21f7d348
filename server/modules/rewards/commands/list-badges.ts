import { abilitiesOf, authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { listBadgeRows } from '../badges.repository.ts';
import { pointsPolicy } from '../rewards.policy.ts';
import { presentBadge } from '../rewards.presenter.ts';
import type { BadgeDto } from '../rewards.schemas.ts';

/**
 * A community's badges (rule-based ones once the first is earned, and staff-made ones) with how many
 * members hold each.
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function listBadges({
  ctx,
  community,
}: {
  ctx: Ctx;
  community: string;
}): Promise<{ items: BadgeDto[]; abilities: Record<string, boolean> }> {
  const loaded = await loadCommunity(ctx, community);
  authorize(pointsPolicy, 'viewPoints', ctx.actor, loaded);
  const rows = await listBadgeRows(ctx.kernel.db, loaded.community.id);
  return { items: rows.map(presentBadge), abilities: abilitiesOf(pointsPolicy, ctx.actor, loaded) };
}
