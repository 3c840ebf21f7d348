import type { CaseOpenedBy, CaseStatus } from '../../../platform/db/schema.ts';

/** Events of support cases and of the support-agent ability (`resource.past_tense`). */
export const CaseEvents = {
  opened: 'case.opened',
  statusChanged: 'case.status_changed',
  assigned: 'case.assigned',
  noteAdded: 'case.note_added',
  agentGranted: 'support_agent.granted',
  agentRevoked: 'support_agent.revoked',
} as const;

/** Payload of `case.opened`. */
export type CaseOpenedPayload = {
  communityId: string;
  caseId: string;
  topicId: string;
  topicAuthorId: string;
  openedBy: CaseOpenedBy;
};

/** Payload of `case.status_changed`. */
export type CaseStatusChangedPayload = {
  communityId: string;
  caseId: string;
  topicId: string;
  topicAuthorId: string;
  from: CaseStatus;
  to: CaseStatus;
};

/** Payload of `case.assigned` (`to` null: unassigned). */
export type CaseAssignedPayload = {
  communityId: string;
  caseId: string;
  from: string | null;
  to: string | null;
};

/** Payload of `case.note_added` (never the note's text: notes stay internal). */
export type CaseNoteAddedPayload = {
  communityId: string;
  caseId: string;
  noteId: string;
  authorId: string;
};
