import { abilitiesOf, authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { communityPolicy } from '../../communities/communities.policy.ts';
import { listMemberBadgeRows } from '../badges.repository.ts';
import { findMemberFacts } from '../points.repository.ts';
import { pointsPolicy } from '../rewards.policy.ts';
import { presentMemberBadge } from '../rewards.presenter.ts';
import type { MemberBadgeDto } from '../rewards.schemas.ts';

/**
 * The badges a member holds, for whoever reads the community's member directory (its profile page);
 * staff also see revoked ones with their reasons.
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function listMemberBadges({
  ctx,
  community,
  memberId,
}: {
  ctx: Ctx;
  community: string;
  memberId: string;
}): Promise<{ items: MemberBadgeDto[]; abilities: Record<string, boolean> }> {
  const loaded = await loadCommunity(ctx, community);
  authorize(communityPolicy, 'viewContent', ctx.actor, loaded);
  const member = await findMemberFacts(ctx.kernel.db, loaded.community.id, memberId);
  if (!member) throw new AppError('not_found');
  const abilities = abilitiesOf(pointsPolicy, ctx.actor, loaded);
  const rows = await listMemberBadgeRows(ctx.kernel.db, loaded.community.id, {
    memberId: member.id,
    withRevoked: abilities.managePoints,
  });
  return { items: rows.map(presentMemberBadge), abilities };
}
