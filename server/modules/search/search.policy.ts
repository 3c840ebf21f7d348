import { hasRole } from '../../platform/authz/actor.ts';
import { definePolicy } from '../../platform/authz/policy.ts';
import type { CommunityResource } from '../communities/communities.policy.ts';

/**
 * Who takes part in deflection measurement (DESIGN rule 3). Searching itself needs no rule of its own:
 * its query scope is the boards `boardPolicy.view` lets the actor read.
 */
export const deflectionPolicy = definePolicy<CommunityResource>()({
  /** Opening a suggested question from the ask form is recorded for members who could ask one. */
  recordDeflection: (_actor, { membership }) =>
    hasRole(membership, ['member', 'expert', 'moderator', 'admin']),
  /** Deflections per week and the estimated saving: staff and observers. */
  viewDeflectionStats: (actor, { membership }) =>
    !!actor?.isPlatformAdmin || hasRole(membership, ['admin', 'moderator', 'observer']),
});
