/** Events of the insight panel's profiles and segments (`resource.past_tense`). */
export const PanelEvents = {
  attributeCreated: 'profile_attribute.created',
  profileUpdated: 'profile.updated',
  segmentCreated: 'segment.created',
  /** A staff rating of a member's participation (the reliability score subscribes to it). */
  memberRated: 'member.rated',
  /** A probation confirmed (the member becomes active) or ended by removal. */
  probationDecided: 'member.probation_decided',
  settingsUpdated: 'panel_settings.updated',
  /** A member became dormant (no activity for the community's `dormant_days`) or active again. */
  stageChanged: 'member.stage_changed',
} as const;

/** Payload of `member.stage_changed`. */
export type StageChangedPayload = {
  communityId: string;
  memberId: string;
  from: 'active' | 'dormant';
  to: 'active' | 'dormant';
};

/** Payload of `profile_attribute.created`. */
export type AttributeCreatedPayload = { communityId: string; attributeId: string; key: string };

/** Payload of `profile.updated`: which attributes changed, never their values. */
export type ProfileUpdatedPayload = { communityId: string; memberId: string; attributeIds: string[] };

/** Payload of `segment.created`. */
export type SegmentCreatedPayload = { communityId: string; segmentId: string };

/** Payload of `member.rated`: the rating, never the note (it stays in `member_ratings`). */
export type MemberRatedPayload = { communityId: string; memberId: string; ratingId: string; rating: number };

/** Payload of `member.probation_decided`. */
export type ProbationDecidedPayload = {
  communityId: string;
  memberId: string;
  decision: 'confirm' | 'remove';
};
