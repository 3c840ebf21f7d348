import type { Actor, MembershipFacts } from '../../platform/authz/actor.ts';
import { hasRole } from '../../platform/authz/actor.ts';
import { definePolicy } from '../../platform/authz/policy.ts';
import type { CommunityRow } from '../../platform/db/schema.ts';

/**
 * A community as seen by one actor: the row, the actor's membership in it, and whether they presented a
 * valid invitation (which is what lets a non-member see a hidden community).
 */
export interface CommunityResource {
  community: Pick<CommunityRow, 'id' | 'visibility' | 'join_policy'>;
  membership: MembershipFacts | null;
  invited?: boolean;
}

const isActive = (m: MembershipFacts | null) => m?.status === 'active';

/** Who may see, read and configure a community (DESIGN rule 3). Membership abilities: members.policy.ts. */
export const communityPolicy = definePolicy<CommunityResource>()({
  /** See that it exists: its landing page. Hidden communities exist only for members and invitees. */
  view: (actor, { community, membership, invited }) =>
    community.visibility !== 'hidden' || !!membership || !!invited || !!actor?.isPlatformAdmin,
  /** Read its content and member directory. */
  viewContent: (actor, { community, membership }) =>
    community.visibility === 'public' || isActive(membership) || !!actor?.isPlatformAdmin,
  update: (actor, { membership }) => !!actor?.isPlatformAdmin || hasRole(membership, ['admin']),
});

/** Platform-level ability of the communities area. */
export const communityCreationPolicy = definePolicy<null>()({
  createCommunity: (actor: Actor | null) => !!actor?.isPlatformAdmin,
});
