import type { Actor } from '../../platform/authz/actor.ts';
import { definePolicy } from '../../platform/authz/policy.ts';
import { isResearchStaff, type PanelResource } from '../panel/panel.policy.ts';

/**
 * Who runs recruitment in a community: the insight panel's staff (active moderators and admins, platform
 * admins). Observers and members never see applicants' identities.
 */
export const recruitmentPolicy = definePolicy<PanelResource>()({
  /** Create campaigns, import contacts, list and decide applications, publish consent texts. */
  manageRecruitment: isResearchStaff,
  /** Read one's own consents: an active member of the community. */
  viewOwnConsents: (_actor, { membership }) => membership?.status === 'active',
});

/** An application as seen by one actor: whose it is. */
export interface ApplicantResource {
  applicantUserId: string | null;
}

/** What applicants may do: apply when signed in; follow and complete their own application. */
export const applicantPolicy = definePolicy<ApplicantResource>()({
  /** Anyone signed in may apply through a campaign's link. */
  apply: (actor: Actor | null) => !!actor,
  /** Only the applicant follows their application, asks for a code, enters it, accepts an offer. */
  own: (actor, { applicantUserId }) => !!actor && actor.userId === applicantUserId,
  /**
   * Whoever holds a token sent by email (double opt-in, seat offer) acts on that one application: the
   * token, sent to the applicant's address only, is the proof, so the link works in any browser.
   */
  holdToken: () => true,
});
