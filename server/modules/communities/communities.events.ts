/** Events of the communities area (`resource.past_tense`). */
export const CommunityEvents = {
  created: 'community.created',
  updated: 'community.updated',
} as const;

/** Payload of `community.created` and `community.updated`. */
export interface CommunityChangedPayload {
  communityId: string;
  slug: string;
  changed: string[];
}
