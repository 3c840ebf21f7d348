import { type Actor, hasRole, type MembershipFacts } from '../../platform/authz/actor.ts';
import { definePolicy } from '../../platform/authz/policy.ts';
import type { CommunityResource } from '../communities/communities.policy.ts';

const isStaff = (actor: Actor | null, m: MembershipFacts | null) =>
  !!actor?.isPlatformAdmin || hasRole(m, ['admin', 'moderator']);

/** Who earns, reads and manages points, ranks and badges in a community (DESIGN rule 3). */
export const pointsPolicy = definePolicy<CommunityResource>()({
  /** Read the rules, the ranks and one's own balance and history: active members and platform admins. */
  viewPoints: (actor, { membership }) => !!actor?.isPlatformAdmin || membership?.status === 'active',
  /** Hold points of one's own (balance, history, leaderboard opt-out): active members. */
  holdPoints: (_actor, { membership }) => membership?.status === 'active',
  /** Validate or deny pending awards, adjust, export, award badges, see bursts: moderators and admins. */
  managePoints: (actor, { membership }) => isStaff(actor, membership),
  /** Change the point rules, the ranks and the badges: community admins and platform admins. */
  configurePoints: (actor, { membership }) => !!actor?.isPlatformAdmin || hasRole(membership, ['admin']),
});

/** Who reads a community's leaderboards: whoever reads its content (they show pseudonyms only). */
export const leaderboardPolicy = definePolicy<CommunityResource>()({
  viewLeaderboard: (actor, { community, membership }) =>
    community.visibility === 'public' || membership?.status === 'active' || !!actor?.isPlatformAdmin,
});
