import type { Ctx } from '../../../platform/context.ts';
import { presentCommunity, presentCommunityPage } from '../communities.presenter.ts';
import type { CommunityDto, CommunityPageDto } from '../communities.schemas.ts';
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

/**
 * The community as a web page's layout shows it: as `getCommunity`, without counting its members when
 * the page does not show them (`memberCount: false`; `membersCount` is then null).
 * @throws AppError(not_found) when it does not exist or is hidden from the actor.
 */
export async function getCommunityPage({
  ctx,
  community,
  invitationCode,
  memberCount,
}: {
  ctx: Ctx;
  community: string;
  invitationCode?: string;
  memberCount: boolean;
}): Promise<CommunityPageDto> {
  const loaded = await loadCommunity(ctx, community, { invitationCode, memberCount });
  return presentCommunityPage(loaded.community, ctx.actor, loaded);
}
