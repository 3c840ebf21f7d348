import type { Actor } from '../../platform/authz/actor.ts';
import { definePolicy } from '../../platform/authz/policy.ts';

/** What a person may do with their own account (DESIGN rule 3). */
export const identityPolicy = definePolicy<null>()({
  readOwnAccount: (actor: Actor | null) => !!actor,
  updateOwnAccount: (actor: Actor | null) => !!actor,
});
