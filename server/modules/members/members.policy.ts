import { hasRole } from '../../platform/authz/actor.ts';
import { definePolicy } from '../../platform/authz/policy.ts';
import type { CommunityRole } from '../../platform/db/schema.ts';
import type { CommunityResource } from '../communities/communities.policy.ts';

/** Who may join a community and act on its membership list (DESIGN rule 3). */
export const memberPolicy = definePolicy<CommunityResource>()({
  /** Ask to join: signed in, not yet a member; a hidden community needs a valid invitation. */
  join: (actor, { community, membership, invited }) =>
    !!actor && !membership && (community.visibility !== 'hidden' || !!invited),
  /** See pending and suspended members, approve and suspend members. */
  manageMembers: (actor, { membership }) =>
    !!actor?.isPlatformAdmin || hasRole(membership, ['admin', 'moderator']),
  changeRoles: (actor, { membership }) => !!actor?.isPlatformAdmin || hasRole(membership, ['admin']),
  /** Read a member's real identity (name, email, phone); every read is logged. */
  viewIdentity: (actor, { membership }) =>
    !!actor?.isPlatformAdmin || hasRole(membership, ['admin', 'moderator']),
  viewAccessLog: (actor, { membership }) => !!actor?.isPlatformAdmin || hasRole(membership, ['admin']),
  invite: (actor, { membership }) => !!actor?.isPlatformAdmin || hasRole(membership, ['admin', 'moderator']),
  /** Join the community's staff real-time channel (staff, observers included). */
  joinStaffChannel: (actor, { membership }) =>
    !!actor?.isPlatformAdmin || hasRole(membership, ['admin', 'moderator', 'observer']),
});

/** One member acted upon, within a community resource. */
export interface MemberTargetResource extends CommunityResource {
  target: { userId: string; role: CommunityRole };
}

/**
 * What the actor may change about one member. Nobody changes their own role or status; moderators act
 * only on members and experts, never on other staff.
 */
export const memberTargetPolicy = definePolicy<MemberTargetResource>()({
  changeRole: (actor, resource) =>
    memberPolicy.changeRoles(actor, resource) && resource.target.userId !== actor?.userId,
  changeStatus: (actor, resource) =>
    memberPolicy.manageMembers(actor, resource) &&
    resource.target.userId !== actor?.userId &&
    (!!actor?.isPlatformAdmin ||
      hasRole(resource.membership, ['admin']) ||
      resource.target.role === 'member' ||
      resource.target.role === 'expert'),
});
