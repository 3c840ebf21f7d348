import { type Kysely, sql } from 'kysely';

/**
 * Live sessions' preparation and analysis tools: the community's probe library (`live_probes`: reusable
 * probes with tags, written by the community's research staff), and excerpt coding of transcripts
 * (`live_codes`: a session's codebook, a name and a colour per code; `live_excerpts`: a room message, or a
 * span of its text, tagged with one code).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE live_probes (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
      tags jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(tags) = 'array'),
      created_by uuid REFERENCES memberships (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX live_probes_community_idx ON live_probes (community_id, created_at DESC, id);

    CREATE TABLE live_codes (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL,
      session_id uuid NOT NULL,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
      colour text NOT NULL CHECK (colour ~ '^#[0-9a-f]{6}$'),
      created_by uuid REFERENCES memberships (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT live_codes_session_name_key UNIQUE (session_id, name),
      UNIQUE (session_id, id),
      FOREIGN KEY (community_id, session_id) REFERENCES live_sessions (community_id, id) ON DELETE CASCADE
    );

    CREATE TABLE live_excerpts (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL,
      session_id uuid NOT NULL,
      code_id uuid NOT NULL,
      message_id uuid NOT NULL REFERENCES live_messages (id) ON DELETE CASCADE,
      span_start integer,
      span_end integer,
      quote text NOT NULL CHECK (length(quote) BETWEEN 1 AND 4000),
      created_by uuid REFERENCES memberships (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((span_start IS NULL) = (span_end IS NULL)),
      CHECK (span_start IS NULL OR (span_start >= 0 AND span_end > span_start)),
      FOREIGN KEY (session_id, code_id) REFERENCES live_codes (session_id, id) ON DELETE CASCADE,
      FOREIGN KEY (community_id, session_id) REFERENCES live_sessions (community_id, id) ON DELETE CASCADE
    );
    CREATE UNIQUE INDEX live_excerpts_span_idx
      ON live_excerpts (code_id, message_id, coalesce(span_start, -1), coalesce(span_end, -1));
    CREATE INDEX live_excerpts_session_idx ON live_excerpts (session_id, message_id);
  `.execute(db);
}

/** Drops the excerpts, codes and probe library. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE IF EXISTS live_excerpts;
    DROP TABLE IF EXISTS live_codes;
    DROP TABLE IF EXISTS live_probes;
  `.execute(db);
}
