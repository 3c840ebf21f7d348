/** Events of the insight panel's profiles and segments (`resource.past_tense`). */
export const PanelEvents = {
  attributeCreated: 'profile_attribute.created',
  profileUpdated: 'profile.updated',
  segmentCreated: 'segment.created',
} as const;

/** Payload of `profile_attribute.created`. */
export type AttributeCreatedPayload = { communityId: string; attributeId: string; key: string };

/** Payload of `profile.updated`: which attributes changed, never their values. */
export type ProfileUpdatedPayload = { communityId: string; memberId: string; attributeIds: string[] };

/** Payload of `segment.created`. */
export type SegmentCreatedPayload = { communityId: string; segmentId: string };
