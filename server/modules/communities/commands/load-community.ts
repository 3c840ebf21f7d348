import type { MembershipFacts } from '../../../platform/authz/actor.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { hashInvitationCode } from '../../members/invitation-code.ts';
import { isValidInvitation } from '../../members/members.repository.ts';
import { type CommunityWithCount, findCommunity, findMembershipFacts } from '../communities.repository.ts';
import { communityPolicy } from '../communities.policy.ts';

/** A community loaded for the actor, with their membership and whether they hold a valid invitation. */
export interface LoadedCommunity {
  community: CommunityWithCount;
  membership: MembershipFacts | null;
  invited: boolean;
}

/**
 * Loads a community by id or slug for the actor. A community the actor may not see is reported as not
 * found, so hidden communities do not leak their existence; a valid invitation code reveals one.
 * @throws AppError(not_found)
 */
export async function loadCommunity(
  ctx: Ctx,
  key: string,
  options: { invitationCode?: string } = {},
): Promise<LoadedCommunity> {
  const community = await findCommunity(ctx.kernel.db, key);
  if (!community) throw new AppError('not_found');
  const membership = await findMembershipFacts(ctx.kernel.db, community.id, ctx.actor?.userId);
  const loaded: LoadedCommunity = { community, membership, invited: false };
  if (communityPolicy.view(ctx.actor, loaded)) return loaded;
  if (options.invitationCode) {
    loaded.invited = await isValidInvitation(
      ctx.kernel.db,
      community.id,
      hashInvitationCode(options.invitationCode),
      ctx.actor?.email ?? null,
    );
    if (communityPolicy.view(ctx.actor, loaded)) return loaded;
  }
  throw new AppError('not_found');
}
