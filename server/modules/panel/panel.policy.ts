import { type Actor, hasRole } from '../../platform/authz/actor.ts';
import { definePolicy } from '../../platform/authz/policy.ts';
import type { AttributeVisibility } from '../../platform/db/schema-research.ts';
import type { CommunityResource } from '../communities/communities.policy.ts';

/** A community as seen by one actor (the panel's resources all live in one community). */
export type PanelResource = CommunityResource;

/** Staff of the insight panel: active moderators and admins of the community, and platform admins. */
export function isResearchStaff(actor: Actor | null, { membership }: PanelResource): boolean {
  return !!actor?.isPlatformAdmin || hasRole(membership, ['admin', 'moderator']);
}
const isObserver = (resource: PanelResource) => hasRole(resource.membership, ['observer']);
const isActiveMember = (resource: PanelResource) => resource.membership?.status === 'active';

/**
 * Who defines profile attributes and segments. Segments are staff's: a count over a staff-only attribute
 * would tell observers what that attribute says, so observers see only segments over observer-visible
 * attributes.
 */
export const panelPolicy = definePolicy<PanelResource>()({
  /** Define profile attributes and segments, count segments, fill any member's profile. */
  managePanel: isResearchStaff,
  /**
   * List segments: staff every one; observers those over observer-visible attributes only (to filter
   * survey results), see `observerMayUse`.
   */
  listSegments: (actor, resource) => isResearchStaff(actor, resource) || isObserver(resource),
  /** List the attributes one may see (their definitions). */
  listAttributes: (actor, resource) => isResearchStaff(actor, resource) || isActiveMember(resource),
  /**
   * Follow the panel's quality: reliability scores and their factors, ratings, flagged members, probation
   * decisions and the panel's health. Staff only: the factors judge people.
   */
  reviewMembers: isResearchStaff,
  /** Change the panel settings (probation length, review threshold, speeding): community admins. */
  configurePanel: (actor, { membership }) => !!actor?.isPlatformAdmin || hasRole(membership, ['admin']),
});

/** A member's profile as seen by one actor: the community facts and whose profile it is. */
export interface ProfileResource extends PanelResource {
  subjectMemberId: string;
}

/** Who reads and writes a member's profile (the per-attribute rule is `attributeAccess`). */
export const profilePolicy = definePolicy<ProfileResource>()({
  /** The member themselves, staff and observers (observers read observer-visible values only). */
  view: (actor, resource) =>
    isResearchStaff(actor, resource) ||
    isObserver(resource) ||
    (isActiveMember(resource) && resource.membership!.id === resource.subjectMemberId),
  /** The member themselves (member-filled attributes) and staff (every attribute). */
  edit: (actor, resource) =>
    isResearchStaff(actor, resource) ||
    (isActiveMember(resource) && resource.membership!.id === resource.subjectMemberId),
});

/**
 * What one actor may do with one attribute's values on a profile: staff read and write every attribute;
 * the member reads and writes the member-filled ones (`member_editable`, `observer_visible`); observers
 * read `observer_visible` only. `staff_only` values never reach members or observers.
 */
export function attributeAccess(
  actor: Actor | null,
  resource: ProfileResource,
  visibility: AttributeVisibility,
): { read: boolean; write: boolean } {
  if (isResearchStaff(actor, resource)) return { read: true, write: true };
  const own = isActiveMember(resource) && resource.membership!.id === resource.subjectMemberId;
  const memberFilled = visibility !== 'staff_only';
  if (own && memberFilled) return { read: true, write: true };
  if (isObserver(resource) && visibility === 'observer_visible') return { read: true, write: false };
  return { read: false, write: false };
}

/** The attribute definitions one actor may list: staff all, observers observer-visible, members theirs. */
export function visibleAttributeKinds(actor: Actor | null, resource: PanelResource): AttributeVisibility[] {
  if (isResearchStaff(actor, resource)) return ['member_editable', 'staff_only', 'observer_visible'];
  if (isObserver(resource)) return ['observer_visible'];
  return ['member_editable', 'observer_visible'];
}
