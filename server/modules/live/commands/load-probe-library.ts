import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { type LoadedCommunity, loadCommunity } from '../../communities/commands/load-community.ts';
import { communityLivePolicy } from '../live.policy.ts';

/**
 * Loads a community for work on its probe library, checking that the actor prepares sessions there.
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function loadProbeLibrary(ctx: Ctx, community: string): Promise<LoadedCommunity> {
  const loaded = await loadCommunity(ctx, community);
  authorize(communityLivePolicy, 'manageProbes', ctx.actor, loaded);
  return loaded;
}
