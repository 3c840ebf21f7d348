import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { communityPolicy } from '../../communities/communities.policy.ts';
import { memberPolicy } from '../members.policy.ts';
import { presentMember } from '../members.presenter.ts';
import { rankNamesOf } from '../../rewards/rank-labels.ts';
import { findMember } from '../members.repository.ts';
import type { MemberDto } from '../members.schemas.ts';

/**
 * Returns one member's public profile (pseudonym, role, bio, since when). A member who is not active is
 * visible only to those who manage members, and to themselves.
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function getMember({
  ctx,
  community: key,
  memberId,
}: {
  ctx: Ctx;
  community: string;
  memberId: string;
}): Promise<MemberDto> {
  const { community, membership } = await loadCommunity(ctx, key);
  const resource = { community, membership };
  authorize(communityPolicy, 'viewContent', ctx.actor, resource);
  const row = await findMember(ctx.kernel.db, community.id, memberId);
  if (!row) throw new AppError('not_found');
  const self = row.user_id === ctx.actor?.userId;
  if (row.status !== 'active' && !self && !memberPolicy.manageMembers(ctx.actor, resource)) {
    throw new AppError('not_found');
  }
  return presentMember(row, await rankNamesOf(ctx.kernel.db, [row.id]));
}
