/** The events of the live-sessions area (`resource.past_tense`). Payloads carry ids, never identity. */
export const LiveEvents = {
  created: 'live_session.created',
  updated: 'live_session.updated',
  guideUpdated: 'live_session.guide_updated',
  invited: 'live_session.invited',
  invitationAnswered: 'live_session.invitation_answered',
  ended: 'live_session.ended',
  /** One per participant who was admitted to the room, when the session ends (points subscribe to it). */
  attended: 'session.attended',
} as const;

/** Payload of `session.attended`. */
export interface SessionAttendedPayload {
  communityId: string;
  sessionId: string;
  memberId: string;
  admittedAt: string;
  leftAt: string | null;
}
