import type { Ctx } from '../../../platform/context.ts';
import { presentCommunity } from '../communities.presenter.ts';
import type { CommunityDto } from '../communities.schemas.ts';
import { loadCommunity } from './load-community.ts';

/**
 * Returns one community as the actor may see it (a valid invitation code reveals a hidden one).
 * @throws AppError(not_found) when it does not exist or is hidden from the actor.
 */
export async function getCommunity({
  ctx,
  community,
  invitationCode,
}: {
  ctx: Ctx;
  community: string;
  invitationCode?: string;
}): Promise<CommunityDto> {
  const loaded = await loadCommunity(ctx, community, { invitationCode });
  return presentCommunity(loaded.community, ctx.actor, loaded);
}
