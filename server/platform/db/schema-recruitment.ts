import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from './schema.ts';

/** A jsonb column with a default. */
type JsonDefault = ColumnType<unknown, string | undefined, string>;

/** Where an SMS stands: kept in the outbox (no provider), handed to the provider, or refused by it. */
export type SmsStatus = 'captured' | 'queued' | 'sent' | 'failed';

/** Every text message sent (migration 0018). */
export interface SmsMessageTable {
  id: string;
  to_number: string;
  body: string;
  kind: string;
  locale: string;
  status: SmsStatus;
  created_at: Timestamp;
  /** Delivery through a provider (migration 0027): tries, the last error, when sent, the provider's id. */
  attempts: Generated<number>;
  error: string | null;
  sent_at: NullableTimestamp;
  provider_ref: string | null;
}

/** A community's consent texts, one version per row: `{ purpose: { en, fr } }`. */
export interface ConsentTextTable {
  id: string;
  community_id: string;
  version: number;
  texts: Json;
  created_by: string | null;
  created_at: Timestamp;
}

/** A recruitment campaign: its public link, screener, rules, quotas and attribute mapping. */
export interface CampaignTable {
  id: string;
  community_id: string;
  name: string;
  token: string;
  screener: Json;
  rules: JsonDefault;
  quotas: JsonDefault;
  attribute_map: JsonDefault;
  target: number;
  invitation_days: Generated<number>;
  open: Generated<boolean>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An invitation to apply, imported from a customer file: single use, expiring. */
export interface RecruitmentInvitationTable {
  id: string;
  community_id: string;
  campaign_id: string;
  email: string;
  phone: string | null;
  name: string | null;
  locale: string;
  token_hash: string;
  expires_at: Date;
  used_at: NullableTimestamp;
  created_at: Timestamp;
}

/** Where an application stands once screened (the stages after admission are the membership's). */
export type ApplicationStatus =
  'qualified' | 'disqualified' | 'over_quota' | 'waitlisted' | 'offered' | 'admitted';

/** One person's application to a community. */
export interface ApplicationTable {
  id: string;
  community_id: string;
  campaign_id: string;
  user_id: string;
  invitation_id: string | null;
  email: string;
  phone: string;
  pseudonym: string;
  pseudonym_key: string;
  locale: string;
  answers: Json;
  quota_cells: JsonDefault;
  status: ApplicationStatus;
  /** Staff qualified the applicant past a full quota, on purpose: later quota checks pass (migration 0026). */
  quota_override: Generated<boolean>;
  consent_version: number;
  consents: Json;
  consented_at: Timestamp;
  email_token_hash: string | null;
  email_confirmed_at: NullableTimestamp;
  phone_code_hash: string | null;
  phone_code_expires_at: NullableTimestamp;
  phone_attempts: Generated<number>;
  phone_validated_at: NullableTimestamp;
  phone_method: 'sms' | 'call' | null;
  phone_note: string | null;
  waitlisted_at: NullableTimestamp;
  waitlist_position: number | null;
  offer_token_hash: string | null;
  offer_expires_at: NullableTimestamp;
  member_id: string | null;
  decided_by: string | null;
  decision_note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The recruitment tables, merged into `DB`. */
export interface RecruitmentTables {
  sms_messages: SmsMessageTable;
  recruitment_consent_texts: ConsentTextTable;
  recruitment_campaigns: CampaignTable;
  recruitment_invitations: RecruitmentInvitationTable;
  recruitment_applications: ApplicationTable;
}

/** Rows as read. */
export type CampaignRow = Selectable<CampaignTable>;
export type ApplicationRow = Selectable<ApplicationTable>;
export type RecruitmentInvitationRow = Selectable<RecruitmentInvitationTable>;
export type ConsentTextRow = Selectable<ConsentTextTable>;
