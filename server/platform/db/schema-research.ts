import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from './schema.ts';

/** The kinds of a profile attribute (migration 0015). */
export type AttributeKind = 'text' | 'number' | 'date' | 'single_choice' | 'multiple_choice';
/** Who reads and writes a profile attribute's values besides staff. */
export type AttributeVisibility = 'member_editable' | 'staff_only' | 'observer_visible';
/** A jsonb column with a default. */
type JsonDefault = ColumnType<unknown, string | undefined, string>;

/** A per-community profile attribute defined by staff. */
export interface ProfileAttributeTable {
  id: string;
  community_id: string;
  key: string;
  label: string;
  kind: AttributeKind;
  visibility: AttributeVisibility;
  /** `[{ value, label }]` for the choice kinds, `[]` otherwise. */
  options: JsonDefault;
  position: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One member's value of one attribute (a string, number, `YYYY-MM-DD` string or array of strings). */
export interface ProfileValueTable {
  community_id: string;
  attribute_id: string;
  member_id: string;
  value: Json;
  updated_at: Timestamp;
}

/** A saved filter over members (the `SegmentFilter` schema). */
export interface SegmentTable {
  id: string;
  community_id: string;
  name: string;
  filter: Json;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A survey or a poll (a poll is a one-question survey shown in the community). */
export type SurveyKind = 'survey' | 'poll';
/** Who sees a survey's results: staff only, voters after voting, everyone after close (polls). */
export type ResultsVisibility = 'staff' | 'after_vote' | 'after_close';

/** A survey with its definition (pages, questions, logic) as JSON validated on save. */
export interface SurveyTable {
  id: string;
  community_id: string;
  kind: SurveyKind;
  title: string;
  description: Generated<string>;
  definition: Json;
  published: Generated<boolean>;
  opens_at: NullableTimestamp;
  closes_at: NullableTimestamp;
  segment_id: string | null;
  anonymous: Generated<boolean>;
  points: Generated<number>;
  results_visibility: Generated<ResultsVisibility>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** When the reminder to non-respondents was sent. */
  reminded_at: NullableTimestamp;
}

/** Whether a response is still being filled or was submitted. */
export type ResponseStatus = 'in_progress' | 'completed';

/** One member's response to a survey, saved page by page and completed once. */
export interface SurveyResponseTable {
  id: string;
  community_id: string;
  survey_id: string;
  member_id: string;
  status: Generated<ResponseStatus>;
  answers: JsonDefault;
  page_index: Generated<number>;
  /** Milliseconds spent on each page (server clock), by page id. */
  page_timings: JsonDefault;
  /** Milliseconds per question reported by the browser (bounded), by question id. */
  question_timings: JsonDefault;
  /** Sentiment score of each open answer, by question id, computed on completion. */
  sentiments: JsonDefault;
  locale: Generated<string>;
  started_at: Timestamp;
  page_started_at: Timestamp;
  updated_at: Timestamp;
  completed_at: NullableTimestamp;
  duration_ms: number | null;
}

/** What a survey stimulus file is. */
export type SurveyMediaKind = 'image' | 'logo' | 'video' | 'audio';

/** A stimulus file of a community's surveys (uploaded by research staff, checked by content). */
export interface SurveyMediaTable {
  id: string;
  community_id: string;
  uploader_id: string | null;
  kind: SurveyMediaKind;
  content_type: string;
  bytes: number;
  sha256: string;
  width: number | null;
  height: number | null;
  alt: Generated<string>;
  created_at: Timestamp;
  /** When the media sweep first found the file used by no survey (null while used; migration 0026). */
  unreferenced_since: NullableTimestamp;
}

/** The panel's and research's tables. */
export interface ResearchTables {
  profile_attributes: ProfileAttributeTable;
  profile_values: ProfileValueTable;
  segments: SegmentTable;
  surveys: SurveyTable;
  survey_responses: SurveyResponseTable;
  survey_media: SurveyMediaTable;
}

/** Rows as read. */
export type ProfileAttributeRow = Selectable<ProfileAttributeTable>;
export type SegmentRow = Selectable<SegmentTable>;
export type SurveyRow = Selectable<SurveyTable>;
export type SurveyResponseRow = Selectable<SurveyResponseTable>;
export type SurveyMediaRow = Selectable<SurveyMediaTable>;
