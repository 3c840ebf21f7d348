import type { MembershipFacts } from '../../../platform/authz/actor.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { type CommunityWithCount, findCommunity, findMembershipFacts } from '../communities.repository.ts';
import { communityPolicy } from '../communities.policy.ts';

/** A community loaded for the actor, with their membership. */
export interface LoadedCommunity {
  community: CommunityWithCount;
  membership: MembershipFacts | null;
}

/**
 * Loads a community by id or slug for the actor. A community the actor may not see is reported as not
 * found, so hidden communities do not leak their existence.
 * @throws AppError(not_found)
 */
export async function loadCommunity(ctx: Ctx, key: string): Promise<LoadedCommunity> {
  const community = await findCommunity(ctx.kernel.db, key);
  if (!community) throw new AppError('not_found');
  const membership = await findMembershipFacts(ctx.kernel.db, community.id, ctx.actor?.userId);
  try {
    authorize(communityPolicy, 'view', ctx.actor, { community, membership });
  } catch {
    throw new AppError('not_found');
  }
  return { community, membership };
}
