import type { Generated, Selectable } from 'kysely';
import type { Json, Timestamp } from './schema.ts';

/** Per-community panel quality settings (migration 0019); a community without a row uses the defaults. */
export interface PanelSettingsTable {
  community_id: string;
  /** A probation ends after this many activities (completed surveys, attended sessions)… */
  probation_activities: Generated<number>;
  /** …or this many days, whichever comes first. */
  probation_days: Generated<number>;
  /** Members whose reliability score is under this are flagged for review. */
  review_threshold: Generated<number>;
  /** A completion faster than this percentage of the survey's median time counts as speeding. */
  speeding_percent: Generated<number>;
  /** An active member without any activity for this many days becomes dormant (migration 0023). */
  dormant_days: Generated<number>;
  updated_at: Timestamp;
}

/** A staff rating (1–5) of a member's participation, with a note. */
export interface MemberRatingTable {
  id: string;
  community_id: string;
  member_id: string;
  rated_by: string | null;
  rating: number;
  note: Generated<string>;
  created_at: Timestamp;
}

/** A member's last computed reliability: the score and the factors behind it (`ReliabilityFactors`). */
export interface MemberReliabilityTable {
  member_id: string;
  community_id: string;
  score: number;
  factors: Json;
  computed_at: Timestamp;
}

/** The panel quality tables, added to `DB`. */
export interface PanelTables {
  panel_settings: PanelSettingsTable;
  member_ratings: MemberRatingTable;
  member_reliability: MemberReliabilityTable;
}

/** Rows as read. */
export type PanelSettingsRow = Selectable<PanelSettingsTable>;
export type MemberRatingRow = Selectable<MemberRatingTable>;
