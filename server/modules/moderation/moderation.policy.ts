import { type Actor, hasRole, type MembershipFacts } from '../../platform/authz/actor.ts';
import { definePolicy } from '../../platform/authz/policy.ts';
import type { CommunityResource } from '../communities/communities.policy.ts';

/** A post (topic or reply) the actor can read, with its author and status. */
export interface FlagTargetResource extends CommunityResource {
  post: { authorId: string; status: string };
}

const isStaff = (actor: Actor | null, m: MembershipFacts | null) =>
  !!actor?.isPlatformAdmin || hasRole(m, ['admin', 'moderator']);

/** Who moderates a community's content and configures its peer support (DESIGN rule 3). */
export const moderationPolicy = definePolicy<CommunityResource>()({
  /** Read the moderation queue and approve, hide, delete or restore posts: moderators and admins. */
  moderateContent: (actor, { membership }) => isStaff(actor, membership),
  /** Read and change the support settings (rate limits, newcomers, escalation…): admins only. */
  manageSupportSettings: (actor, { membership }) =>
    !!actor?.isPlatformAdmin || hasRole(membership, ['admin']),
});

/**
 * Who may flag a post they can read: active participants (not observers, who only watch), on a published
 * post, never their own.
 */
export const flagPolicy = definePolicy<FlagTargetResource>()({
  flag: (_actor, { membership, post }) =>
    hasRole(membership, ['member', 'expert', 'moderator', 'admin']) &&
    post.status === 'published' &&
    membership!.id !== post.authorId,
});
