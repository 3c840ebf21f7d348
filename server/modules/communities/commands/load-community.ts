import type { MembershipFacts } from '../../../platform/authz/actor.ts';
import { type Ctx, sharedRead } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { hashInvitationCode } from '../../members/invitation-code.ts';
import { isValidInvitation } from '../../members/members.repository.ts';
import { type CommunityWithCount, findCommunityFor } from '../communities.repository.ts';
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
 * `memberCount: false` skips counting its members (`members_count` null) for a command that does not show
 * them; when the request shares its reads, a counted read already under way serves it (one read a page).
 * @throws AppError(not_found)
 */
export async function loadCommunity(
  ctx: Ctx,
  key: string,
  options: { invitationCode?: string; memberCount?: boolean } = {},
): Promise<LoadedCommunity> {
  const read = (memberCount: boolean) => () =>
    findCommunityFor(ctx.kernel.db, key, ctx.actor?.userId, { memberCount });
  const counted = `community:${key}`;
  const found =
    options.memberCount !== false
      ? await sharedRead(ctx, counted, read(true))
      : // A counted read already under way serves an uncounted one; otherwise the page's uncounted
        // loads (a topic page's layout and topic) share one read without the count.
        await ((ctx.reads?.get(counted) as ReturnType<ReturnType<typeof read>> | undefined) ??
          sharedRead(ctx, `${counted}:uncounted`, read(false)));
  if (!found) throw new AppError('not_found');
  const loaded: LoadedCommunity = { ...found, invited: false };
  if (communityPolicy.view(ctx.actor, loaded)) return loaded;
  if (options.invitationCode) {
    loaded.invited = await isValidInvitation(
      ctx.kernel.db,
      found.community.id,
      hashInvitationCode(options.invitationCode),
      ctx.actor?.email ?? null,
    );
    if (communityPolicy.view(ctx.actor, loaded)) return loaded;
  }
  throw new AppError('not_found');
}
