import type { CommunityRole, MembershipStatus } from '../db/schema.ts';

/** The signed-in person making a request, or null for an anonymous visitor. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  emailVerified: boolean;
  isPlatformAdmin: boolean;
  locale: string | null;
}

/** The actor's membership in the community a request is about (null when not a member). */
export interface MembershipFacts {
  id: string;
  role: CommunityRole;
  status: MembershipStatus;
  pseudonym: string;
  /** The staff ability to work support cases, granted by community admins (absent: not loaded, no). */
  supportAgent?: boolean;
}

/** True when the membership is active with one of the roles. */
export function hasRole(membership: MembershipFacts | null, roles: readonly CommunityRole[]): boolean {
  return !!membership && membership.status === 'active' && roles.includes(membership.role);
}
