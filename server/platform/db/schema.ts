import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { CatalogueTables } from './schema-catalogue.ts';
import type { LiveTables } from './schema-live.ts';
import type { LiveToolTables } from './schema-live-tools.ts';
import type { RewardsTables } from './schema-rewards.ts';
import type { PanelTables } from './schema-panel.ts';
import type { ResearchTables } from './schema-research.ts';
import type { RecruitmentTables } from './schema-recruitment.ts';

/** A timestamptz column: read as Date, written as Date or ISO string, defaulted by the database. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A nullable timestamptz column. */
export type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
/** A jsonb column: read as a value, written as JSON text. */
export type Json = ColumnType<unknown, string, string>;

/** Community roles, from least to most powerful. `observer` is staff that never posts publicly. */
export type CommunityRole = 'member' | 'expert' | 'moderator' | 'observer' | 'admin';
/** Whether a membership is in force, waiting for approval, or suspended. */
export type MembershipStatus = 'active' | 'pending' | 'suspended';
/** Public: anyone reads; private: listed, members read; hidden: only members know it exists. */
export type CommunityVisibility = 'public' | 'private' | 'hidden';
/** How people join: at once, on staff approval, or with an invitation code. */
export type JoinPolicy = 'open' | 'approval' | 'invitation';

/** Accounts (better-auth users): the real identity, kept apart from memberships. */
export interface AuthUserTable {
  id: string;
  name: string;
  email: string;
  email_verified: Generated<boolean>;
  image: string | null;
  phone: string | null;
  locale: string | null;
  is_platform_admin: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Sessions in the database (better-auth). */
export interface AuthSessionTable {
  id: string;
  user_id: string;
  token: string;
  expires_at: Timestamp;
  ip_address: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** better-auth's credential and OAuth accounts (the password hash lives here). */
export interface AuthAccountTable {
  id: string;
  account_id: string;
  provider_id: string;
  user_id: string;
  access_token: string | null;
  refresh_token: string | null;
  id_token: string | null;
  access_token_expires_at: NullableTimestamp;
  refresh_token_expires_at: NullableTimestamp;
  scope: string | null;
  password: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** better-auth's verification tokens (email verification, reset, magic link). */
export interface AuthVerificationTable {
  id: string;
  identifier: string;
  value: string;
  expires_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** better-auth's rate-limit counters (database storage, shared by every process). */
export interface AuthRateLimitTable {
  id: string;
  key: string;
  count: number;
  last_request: number;
}

/** A community: one brand, product line or panel hosted by this installation. */
export interface CommunityTable {
  id: string;
  slug: string;
  name: string;
  description: Generated<string>;
  default_locale: Generated<string>;
  visibility: Generated<CommunityVisibility>;
  join_policy: Generated<JoinPolicy>;
  member_cap: number | null;
  logo_url: string | null;
  primary_color: Generated<string>;
  accent_color: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A person in a community: pseudonym, role and status. */
export interface MembershipTable {
  id: string;
  community_id: string;
  user_id: string;
  pseudonym: string;
  pseudonym_key: string;
  role: Generated<CommunityRole>;
  status: Generated<MembershipStatus>;
  bio: Generated<string>;
  /** Staff ability granted by community admins: works the support case queue (migration 0009). */
  support_agent: Generated<boolean>;
  /** Panel lifecycle after admission (migration 0017); access is still governed by `status`. */
  panel_stage: Generated<PanelStage>;
  probation_started_at: Timestamp | null;
  /** 0–100, maintained by the panel's reliability scoring; null until first scored (migration 0017). */
  reliability_score: number | null;
  joined_at: Timestamp;
  updated_at: Timestamp;
}

/** Where a member stands in the insight panel's lifecycle after admission. */
export type PanelStage = 'probation' | 'active' | 'dormant' | 'removed';

/** Single-use invitation codes (stored hashed). */
export interface CommunityInvitationTable {
  id: string;
  community_id: string;
  code_hash: string;
  email: string | null;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  used_by: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

/** Every staff read of a member’s real identity. */
export interface AccessLogTable {
  id: string;
  community_id: string;
  actor_user_id: string;
  subject_membership_id: string;
  fields: string[];
  purpose: string;
  created_at: Timestamp;
}

/** Staff actions, for accountability. */
export interface AuditLogTable {
  id: string;
  community_id: string | null;
  actor_user_id: string | null;
  action: string;
  target_type: string;
  target_id: string;
  data: Json;
  created_at: Timestamp;
}

/** Events written with the command’s transaction, dispatched after commit. */
export interface OutboxEventTable {
  id: string;
  type: string;
  community_id: string | null;
  actor_user_id: string | null;
  payload: Json;
  created_at: Timestamp;
  dispatched_at: NullableTimestamp;
  failed_at: NullableTimestamp;
  attempts: Generated<number>;
  last_error: string | null;
}

/** One row per (event, subscriber) that ran: makes subscribers run exactly once. */
export interface EventDeliveryTable {
  event_id: string;
  subscriber: string;
  delivered_at: Timestamp;
}

/** Where an email stands: kept in the outbox only, waiting for SMTP, sent, or given up. */
export type MailStatus = 'captured' | 'queued' | 'sent' | 'failed';
/** Every outgoing email (the outbox platform admins read). */
export interface MailMessageTable {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  kind: string;
  locale: string;
  status: MailStatus;
  attempts: Generated<number>;
  error: string | null;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
  /** Extra headers (List-Unsubscribe…), sent as they are. */
  headers: ColumnType<Record<string, string>, string | undefined, string>;
  /** Attached files, their content in base64 (migration 0020). */
  attachments: ColumnType<MailAttachment[], string | undefined, string>;
}

/** A file attached to an email: its name, type and content (base64 when stored). */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/** One-time links that create the first platform admin. */
export interface SetupTokenTable {
  id: string;
  token_hash: string;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  created_at: Timestamp;
}

/** Where a board is read, who posts in it. */
export type BoardKind = 'questions' | 'discussions' | 'announcements';
/** Who reads a board: anyone who reads the community, its members, or staff only. */
export type BoardVisibility = 'public' | 'members' | 'staff';
/** Whether a post is visible, waiting for moderation, hidden by a moderator, or deleted. */
export type PostStatus = 'published' | 'pending' | 'hidden' | 'deleted';

/** A board of a community: questions, discussions or announcements. */
export interface BoardTable {
  id: string;
  community_id: string;
  slug: string;
  title: string;
  description: Generated<string>;
  kind: BoardKind;
  position: Generated<number>;
  visibility: Generated<BoardVisibility>;
  posting: Generated<'members' | 'staff'>;
  premoderation: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/**
 * A question or a discussion, with its Markdown body and its rendered, safe HTML. Its generated
 * `search_vector` column (migration 0008) is read only by `modules/search`, through SQL, and is left out
 * of this type so that rows and inserts ignore it.
 */
export interface TopicTable {
  id: string;
  community_id: string;
  board_id: string;
  author_id: string;
  kind: 'question' | 'discussion';
  title: string;
  body: string;
  body_html: string;
  status: Generated<PostStatus>;
  locked: Generated<boolean>;
  pinned: Generated<boolean>;
  solved: Generated<boolean>;
  replies_count: Generated<number>;
  kudos_count: Generated<number>;
  last_activity_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** When its title or body was last edited (null: never). */
  edited_at: NullableTimestamp;
  /** The topic this one was merged into (then it is `deleted`). */
  merged_into_id: Generated<string | null>;
}

/** A reply in a topic (flat, with an optional "in reply to"); `search_vector` as for topics. */
export interface ReplyTable {
  id: string;
  community_id: string;
  topic_id: string;
  author_id: string;
  in_reply_to_id: string | null;
  body: string;
  body_html: string;
  status: Generated<PostStatus>;
  is_solution: Generated<boolean>;
  kudos_count: Generated<number>;
  /** An official answer of the brand, posted by a support agent on a case (migration 0009). */
  official: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** When its body was last edited (null: never). */
  edited_at: NullableTimestamp;
}

/** The previous version of an edited topic (title and body) or reply (body), one row per edit. */
export interface PostRevisionTable {
  id: string;
  community_id: string;
  target_type: 'topic' | 'reply';
  target_id: string;
  /** The membership who made the edit (null: a platform admin without membership, or a removed member). */
  editor_id: string | null;
  /** The title before the edit (topics only). */
  title: string | null;
  /** The body before the edit. */
  body: string;
  created_at: Timestamp;
}

/** One kudos: one per member per item, never to oneself (a constraint). */
export interface KudosTable {
  community_id: string;
  giver_id: string;
  target_type: 'topic' | 'reply';
  target_id: string;
  receiver_id: string;
  created_at: Timestamp;
}

/**
 * Per-community peer-support settings (0 hours turns escalation or reminders off). A community without a
 * row uses the column defaults (see `loadSupportSettings`).
 */
export interface SupportSettingsTable {
  community_id: string;
  case_escalation_hours: Generated<number>;
  solution_reminder_hours: Generated<number>;
  contact_cost_cents: Generated<number>;
  currency: Generated<string>;
  burst_posts: Generated<number>;
  burst_seconds: Generated<number>;
  hourly_posts: Generated<number>;
  newcomer_premoderation: Generated<boolean>;
  newcomer_days: Generated<number>;
  newcomer_posts: Generated<number>;
  updated_at: Timestamp;
}

/** A normalized tag of a topic; at most five per topic (`position` 0–4, unique per topic). */
export interface TopicTagTable {
  community_id: string;
  topic_id: string;
  tag: string;
  position: number;
}

/** The image types Cercle accepts, as sniffed from the file's first bytes. */
export type ImageContentType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

/** An uploaded image; unattached until a topic or reply of its uploader (or a reward) takes it. */
export interface UploadTable {
  id: string;
  community_id: string;
  uploader_id: string;
  content_type: ImageContentType;
  bytes: number;
  width: number | null;
  height: number | null;
  sha256: string;
  alt: Generated<string>;
  target_type: 'topic' | 'reply' | 'reward' | null;
  target_id: string | null;
  position: number | null;
  created_at: Timestamp;
}

/** What a notification is about (migration 0010). */
export type NotificationKind = 'reply' | 'topic' | 'solution' | 'mention' | 'reminder' | 'reward';

/** A member following a topic or a board; `following = false` remembers an explicit unfollow. */
export interface FollowTable {
  community_id: string;
  member_id: string;
  target_type: 'topic' | 'board';
  target_id: string;
  following: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An in-app notification: one per source (event or reminder) and recipient membership. */
export interface NotificationTable {
  id: string;
  community_id: string;
  recipient_id: string;
  user_id: string;
  kind: NotificationKind;
  source_key: string;
  topic_id: string | null;
  reply_id: string | null;
  actor_pseudonym: string | null;
  /** Non-topic notifications (rewards): the web path they open and their message parameters. */
  link_path: string | null;
  params: ColumnType<Record<string, string | number> | null, string | null | undefined, string | null>;
  read_at: NullableTimestamp;
  created_at: Timestamp;
}

/** An account's choice to receive (or not) emails of one notification kind; no row means yes. */
export interface EmailPreferenceTable {
  user_id: string;
  kind: NotificationKind;
  enabled: boolean;
  updated_at: Timestamp;
}

/** The solution reminder sent for a question (at most one). */
export interface SolutionReminderTable {
  topic_id: string;
  community_id: string;
  sent_at: Timestamp;
}

/** Why a member flags a post (migration 0007). */
export type FlagReason = 'spam' | 'offensive' | 'off_topic' | 'other';
/** What a moderator does to a post (migration 0007). */
export type ModerationAction = 'approve' | 'hide' | 'delete' | 'restore';

/** A member's flag on a topic or a reply: one open flag per member per item (a unique index). */
export interface FlagTable {
  id: string;
  community_id: string;
  target_type: 'topic' | 'reply';
  target_id: string;
  /** The topic itself, or the topic the reply is in. */
  topic_id: string;
  flagger_id: string;
  reason: FlagReason;
  note: string | null;
  status: Generated<'open' | 'resolved'>;
  resolution: ModerationAction | null;
  resolved_at: NullableTimestamp;
  created_at: Timestamp;
}

/** Where a support case stands (migration 0009). */
export type CaseStatus = 'new' | 'open' | 'waiting_for_member' | 'solved';
/** Who turned a question into a case: the escalation sweep, its asker or a moderator. */
export type CaseOpenedBy = 'auto' | 'author' | 'moderator';

/** A support case: one per question, worked by support agents. */
export interface CaseTable {
  id: string;
  community_id: string;
  topic_id: string;
  status: Generated<CaseStatus>;
  assignee_id: string | null;
  opened_by: CaseOpenedBy;
  opened_at: Timestamp;
  updated_at: Timestamp;
  solved_at: NullableTimestamp;
}

/** An internal note on a case: for agents and staff only, never shown to members. */
export interface CaseNoteTable {
  id: string;
  community_id: string;
  case_id: string;
  author_id: string;
  body: string;
  created_at: Timestamp;
}

/** One step of a case's history (`actor_id` null: the system). */
export interface CaseHistoryTable {
  id: string;
  community_id: string;
  case_id: string;
  actor_id: string | null;
  kind: 'opened' | 'status_changed' | 'assigned' | 'answered' | 'note_added';
  from_value: string | null;
  to_value: string | null;
  created_at: Timestamp;
}

/**
 * A member opened a solved question suggested by the ask form. Views of one member within an hour form
 * an attempt (`attempt_id`: its first view's id), `converted` when that member posted a topic within the
 * hour (`posted_topic_id`), otherwise a deflection.
 */
export interface DeflectionViewTable {
  id: string;
  community_id: string;
  member_id: string;
  topic_id: string;
  attempt_id: string;
  query_title: string;
  converted: Generated<boolean>;
  posted_topic_id: Generated<string | null>;
  created_at: Timestamp;
}

/**
 * The Kysely database interface: every table Cercle's code may query. Areas added later declare their
 * tables in a `schema-<area>.ts` file beside this one, extended here.
 */
export interface DB
  extends
    RewardsTables,
    CatalogueTables,
    LiveTables,
    LiveToolTables,
    ResearchTables,
    RecruitmentTables,
    PanelTables {
  auth_user: AuthUserTable;
  auth_session: AuthSessionTable;
  auth_account: AuthAccountTable;
  auth_verification: AuthVerificationTable;
  auth_rate_limit: AuthRateLimitTable;
  communities: CommunityTable;
  memberships: MembershipTable;
  community_invitations: CommunityInvitationTable;
  access_log: AccessLogTable;
  audit_log: AuditLogTable;
  outbox_events: OutboxEventTable;
  event_deliveries: EventDeliveryTable;
  mail_messages: MailMessageTable;
  setup_tokens: SetupTokenTable;
  boards: BoardTable;
  topics: TopicTable;
  replies: ReplyTable;
  kudos: KudosTable;
  support_settings: SupportSettingsTable;
  cases: CaseTable;
  case_notes: CaseNoteTable;
  case_history: CaseHistoryTable;
  post_revisions: PostRevisionTable;
  flags: FlagTable;
  follows: FollowTable;
  notifications: NotificationTable;
  email_preferences: EmailPreferenceTable;
  solution_reminders: SolutionReminderTable;
  topic_tags: TopicTagTable;
  deflection_views: DeflectionViewTable;
  uploads: UploadTable;
}

/** Rows as read, inserted and updated. */
export type CommunityRow = Selectable<CommunityTable>;
export type NewCommunity = Insertable<CommunityTable>;
export type CommunityUpdate = Updateable<CommunityTable>;
export type MembershipRow = Selectable<MembershipTable>;
export type MailMessageRow = Selectable<MailMessageTable>;
export type OutboxEventRow = Selectable<OutboxEventTable>;
export type BoardRow = Selectable<BoardTable>;
export type TopicRow = Selectable<TopicTable>;
export type ReplyRow = Selectable<ReplyTable>;
export type PostRevisionRow = Selectable<PostRevisionTable>;
export type SupportSettingsRow = Selectable<SupportSettingsTable>;
export type CaseRow = Selectable<CaseTable>;
export type UploadRow = Selectable<UploadTable>;
