import type { Selectable } from 'kysely';
import type { Json, Timestamp } from './schema.ts';

/** A probe of the community's library, reused across sessions' guides (migration 0025). */
export interface LiveProbeTable {
  id: string;
  community_id: string;
  body: string;
  /** A JSON array of short tags. */
  tags: Json;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A code of a session's codebook (migration 0025). */
export interface LiveCodeTable {
  id: string;
  community_id: string;
  session_id: string;
  name: string;
  /** `#rrggbb`, lower case. */
  colour: string;
  created_by: string | null;
  created_at: Timestamp;
}

/** A room message, or a span of its text, tagged with a code (migration 0025). */
export interface LiveExcerptTable {
  id: string;
  community_id: string;
  session_id: string;
  code_id: string;
  message_id: string;
  span_start: number | null;
  span_end: number | null;
  quote: string;
  created_by: string | null;
  created_at: Timestamp;
}

/** The live sessions' library and coding tables, added to `DB`. */
export interface LiveToolTables {
  live_probes: LiveProbeTable;
  live_codes: LiveCodeTable;
  live_excerpts: LiveExcerptTable;
}

/** A stored library probe. */
export type LiveProbeRow = Selectable<LiveProbeTable>;
/** A stored code. */
export type LiveCodeRow = Selectable<LiveCodeTable>;
