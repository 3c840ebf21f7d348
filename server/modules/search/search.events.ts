/** Events of the search area (`resource.past_tense`). */
export const SearchEvents = {
  /** A member opened a solved question suggested while asking. */
  deflectionViewed: 'deflection.viewed',
} as const;

/** Payload of `deflection.viewed`: ids only. */
export interface DeflectionViewedPayload {
  communityId: string;
  viewId: string;
  attemptId: string;
  memberId: string;
  topicId: string;
}
