import type { Generated, Selectable } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from './schema.ts';

/** Where a live session stands. */
export type LiveSessionStatus = 'scheduled' | 'live' | 'ended' | 'cancelled';
/** A staff member's part in a session. */
export type LiveStaffRole = 'moderator' | 'observer';
/** A participant's answer to the invitation. */
export type LiveInvitationStatus = 'invited' | 'accepted' | 'declined';
/** Where a participant stands in the room. */
export type LiveAttendance = 'none' | 'waiting' | 'admitted' | 'dismissed' | 'removed' | 'left';
/** What a guide item is. */
export type LiveItemKind = 'question' | 'probe' | 'stimulus' | 'note';
/** How a question is answered. */
export type LiveQuestionType = 'open' | 'single' | 'multiple' | 'rating';
/** A guide item's state in the moderator's queue. */
export type LiveItemState = 'queued' | 'sent' | 'skipped';
/** What a numbered room entry is. */
export type LiveEntryKind = 'message' | 'answer' | 'item' | 'private' | 'deletion' | 'reveal' | 'end';
/** Who wrote a room entry, as the room shows it. */
export type LiveAuthorRole = 'participant' | 'moderator' | 'system';
/** A reaction to a room message. */
export type LiveReaction = 'agree' | 'disagree' | 'like' | 'laugh' | 'surprised' | 'sad';
/** What a backroom entry is. */
export type LiveBackroomKind = 'message' | 'suggestion' | 'approved' | 'rejected';

/** A live session (migration 0014). `last_seq` is the room's counter, `backroom_last_seq` the backroom's. */
export interface LiveSessionTable {
  id: string;
  community_id: string;
  title: string;
  objectives: Generated<string>;
  starts_at: Timestamp;
  duration_minutes: number;
  capacity: Generated<number>;
  lobby_minutes: Generated<number>;
  status: Generated<LiveSessionStatus>;
  last_seq: Generated<number>;
  backroom_last_seq: Generated<number>;
  created_by: string | null;
  started_at: NullableTimestamp;
  ended_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A moderator or observer of a session. */
export interface LiveStaffTable {
  session_id: string;
  member_id: string;
  community_id: string;
  role: LiveStaffRole;
}

/** An invited participant: invitation answer and attendance. */
export interface LiveParticipantTable {
  id: string;
  community_id: string;
  session_id: string;
  member_id: string;
  invitation: Generated<LiveInvitationStatus>;
  attendance: Generated<LiveAttendance>;
  muted: Generated<boolean>;
  invited_at: Timestamp;
  responded_at: NullableTimestamp;
  joined_at: NullableTimestamp;
  admitted_at: NullableTimestamp;
  left_at: NullableTimestamp;
  reminded_24h_at: NullableTimestamp;
  reminded_1h_at: NullableTimestamp;
}

/** A section of the discussion guide. */
export interface LiveGuideSectionTable {
  id: string;
  community_id: string;
  session_id: string;
  position: number;
  title: string;
  planned_minutes: number;
}

/** An item of the discussion guide. `options` is a JSON array of strings (choice questions). */
export interface LiveGuideItemTable {
  id: string;
  community_id: string;
  session_id: string;
  section_id: string;
  position: number;
  kind: LiveItemKind;
  question_type: LiveQuestionType | null;
  body: string;
  options: Json;
  blind: Generated<boolean>;
  state: Generated<LiveItemState>;
  sent_at: NullableTimestamp;
  revealed_at: NullableTimestamp;
  tally_shown: Generated<boolean>;
  /** The media a stimulus shows (migration 0020). */
  media_id: Generated<string | null>;
}

/** A numbered room entry: a message, an answer, a sent guide item, a private message, a deletion... */
export interface LiveMessageTable {
  id: string;
  community_id: string;
  session_id: string;
  seq: number;
  kind: LiveEntryKind;
  author_member_id: string | null;
  author_role: LiveAuthorRole;
  body: string | null;
  item_id: string | null;
  /** The options chosen (choice questions) or the rating, as JSON. */
  choice: Json | null;
  reply_to_seq: number | null;
  target_seq: number | null;
  private_member_id: string | null;
  client_id: string | null;
  deleted_at: NullableTimestamp;
  created_at: Timestamp;
}

/** One member's reaction to a room message. */
export interface LiveReactionTable {
  message_id: string;
  member_id: string;
  session_id: string;
  reaction: LiveReaction;
  created_at: Timestamp;
}

/** A probe an observer suggests; the moderator approves (posting it) or rejects it. */
export interface LiveProbeSuggestionTable {
  id: string;
  community_id: string;
  session_id: string;
  author_member_id: string | null;
  body: string;
  status: Generated<'pending' | 'approved' | 'rejected'>;
  posted_body: string | null;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  room_seq: number | null;
  created_at: Timestamp;
}

/** A numbered entry of the confidential backroom (staff only). */
export interface LiveBackroomMessageTable {
  id: string;
  community_id: string;
  session_id: string;
  seq: number;
  kind: LiveBackroomKind;
  author_member_id: string | null;
  body: string;
  suggestion_id: string | null;
  created_at: Timestamp;
}

/** What a session's media file is shown as: a picture, a logo, a video or a sound. */
export type LiveMediaKind = 'image' | 'logo' | 'video' | 'audio';

/** A media file of a session, checked by content (migration 0020); the bytes are in the upload store. */
export interface LiveMediaTable {
  id: string;
  community_id: string;
  session_id: string;
  uploader_id: string | null;
  kind: LiveMediaKind;
  content_type: string;
  bytes: number;
  sha256: string;
  width: number | null;
  height: number | null;
  alt: Generated<string>;
  created_at: Timestamp;
}

/** The live-session tables, added to `DB`. */
export interface LiveTables {
  live_sessions: LiveSessionTable;
  live_staff: LiveStaffTable;
  live_participants: LiveParticipantTable;
  live_guide_sections: LiveGuideSectionTable;
  live_guide_items: LiveGuideItemTable;
  live_messages: LiveMessageTable;
  live_reactions: LiveReactionTable;
  live_probe_suggestions: LiveProbeSuggestionTable;
  live_backroom_messages: LiveBackroomMessageTable;
  live_media: LiveMediaTable;
}

/** A stored session. */
export type LiveSessionRow = Selectable<LiveSessionTable>;
/** A stored participant. */
export type LiveParticipantRow = Selectable<LiveParticipantTable>;
/** A stored guide item. */
export type LiveGuideItemRow = Selectable<LiveGuideItemTable>;
/** A stored room entry. */
export type LiveMessageRow = Selectable<LiveMessageTable>;
/** A stored backroom entry. */
export type LiveBackroomRow = Selectable<LiveBackroomMessageTable>;
/** A stored media file. */
export type LiveMediaRow = Selectable<LiveMediaTable>;
