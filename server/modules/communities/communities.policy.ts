import { type Actor, hasRole, type MembershipFacts } from '../../platform/authz/actor.ts';
import { definePolicy } from '../../platform/authz/policy.ts';
import type { CommunityRow } from '../../platform/db/schema.ts';

/** A community as seen by one actor: the row and the actor's membership in it. */
export interface CommunityResource {
  community: Pick<CommunityRow, 'id' | 'visibility' | 'join_policy'>;
  membership: MembershipFacts | null;
}

const isActive = (m: MembershipFacts | null) => m?.status === 'active';

/** Who may do what to a community and its membership list (DESIGN rule 3). */
export const communityPolicy = definePolicy<CommunityResource>()({
  /** See that it exists: its landing page. Hidden communities exist only for their members. */
  view: (actor, { community, membership }) =>
    community.visibility !== 'hidden' || !!membership || !!actor?.isPlatformAdmin,
  /** Read its content and member directory. */
  viewContent: (actor, { community, membership }) =>
    community.visibility === 'public' || isActive(membership) || !!actor?.isPlatformAdmin,
  /** Ask to join (open or by approval; invitation-only needs a code, checked by the command). */
  join: (actor, { community, membership }) =>
    !!actor && !membership && (community.visibility !== 'hidden' || community.join_policy === 'invitation'),
  update: (actor, { membership }) => !!actor?.isPlatformAdmin || hasRole(membership, ['admin']),
  /** See pending members, approve them. */
  manageMembers: (actor, { membership }) =>
    !!actor?.isPlatformAdmin || hasRole(membership, ['admin', 'moderator']),
  changeRoles: (actor, { membership }) => !!actor?.isPlatformAdmin || hasRole(membership, ['admin']),
  /** Read a member's real identity (name, email, phone); every read is logged. */
  viewIdentity: (actor, { membership }) =>
    !!actor?.isPlatformAdmin || hasRole(membership, ['admin', 'moderator']),
  viewAccessLog: (actor, { membership }) => !!actor?.isPlatformAdmin || hasRole(membership, ['admin']),
  invite: (actor, { membership }) => !!actor?.isPlatformAdmin || hasRole(membership, ['admin', 'moderator']),
});

/** Platform-level abilities that concern no single community. */
export const platformPolicy = definePolicy<null>()({
  createCommunity: (actor: Actor | null) => !!actor?.isPlatformAdmin,
  readMailOutbox: (actor: Actor | null) => !!actor?.isPlatformAdmin,
});
