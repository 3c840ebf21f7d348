/** Events of recruitment (`resource.past_tense`); payloads carry ids and facts, never identities. */
export const RecruitmentEvents = {
  campaignCreated: 'campaign.created',
  campaignUpdated: 'campaign.updated',
  contactsImported: 'campaign.contacts_imported',
  consentPublished: 'consent_texts.published',
  submitted: 'application.submitted',
  decided: 'application.decided',
  emailConfirmed: 'application.email_confirmed',
  phoneValidated: 'application.phone_validated',
  admitted: 'application.admitted',
  waitlisted: 'application.waitlisted',
  overQuota: 'application.over_quota',
  seatOffered: 'application.seat_offered',
} as const;

/** Payload of the `application.*` events: the application, its campaign and its status after. */
export type ApplicationEventPayload = {
  communityId: string;
  campaignId: string;
  applicationId: string;
  status: string;
  memberId?: string;
  waitlistPosition?: number;
};
