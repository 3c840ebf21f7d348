import type { Actor } from '../../platform/authz/actor.ts';
import { definePolicy } from '../../platform/authz/policy.ts';

/** Platform administration abilities (DESIGN rule 3). */
export const adminPolicy = definePolicy<null>()({
  readMailOutbox: (actor: Actor | null) => !!actor?.isPlatformAdmin,
});
