import { type Kysely, sql } from 'kysely';

/**
 * Live sessions, what remained: stimuli as real media (an uploaded image, logo, video or audio file of a
 * session, checked by content, referenced by a stimulus item and served to the session's people only), a
 * probe library per community reused across sessions, and excerpt coding of transcripts (codes per session
 * or per community, tagging a room message or a text range of it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE live_media (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL,
      session_id uuid NOT NULL,
      uploader_id uuid REFERENCES memberships (id) ON DELETE SET NULL,
      kind text NOT NULL CHECK (kind IN ('image', 'logo', 'video', 'audio')),
      content_type text NOT NULL CHECK (content_type IN (
        'image/png', 'image/jpeg', 'image/gif', 'image/webp',
        'video/mp4', 'video/webm', 'video/ogg', 'video/quicktime',
        'audio/mpeg', 'audio/mp4', 'audio/ogg', 'audio/wav', 'audio/webm', 'audio/flac')),
      bytes integer NOT NULL CHECK (bytes BETWEEN 1 AND 52428800),
      sha256 text NOT NULL CHECK (length(sha256) = 64),
      width integer CHECK (width > 0),
      height integer CHECK (height > 0),
      alt text NOT NULL DEFAULT '' CHECK (length(alt) <= 200),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((kind IN ('image', 'logo')) = (content_type LIKE 'image/%')),
      UNIQUE (session_id, id),
      FOREIGN KEY (community_id, session_id) REFERENCES live_sessions (community_id, id) ON DELETE CASCADE
    );
    CREATE INDEX live_media_session_idx ON live_media (session_id, created_at);

    ALTER TABLE live_guide_items ADD COLUMN media_id uuid;
    ALTER TABLE live_guide_items ADD CONSTRAINT live_guide_items_media_fkey
      FOREIGN KEY (session_id, media_id) REFERENCES live_media (session_id, id) ON DELETE NO ACTION;
    ALTER TABLE live_guide_items ADD CONSTRAINT live_guide_items_media_stimulus
      CHECK (media_id IS NULL OR kind = 'stimulus');

    CREATE TABLE live_probe_library (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('question', 'probe')),
      question_type text CHECK (question_type IN ('open', 'single', 'multiple', 'rating')),
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
      options jsonb NOT NULL DEFAULT '[]',
      created_by uuid REFERENCES memberships (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((kind = 'question') = (question_type IS NOT NULL))
    );
    CREATE INDEX live_probe_library_community_idx ON live_probe_library (community_id, created_at DESC, id);

    CREATE TABLE live_codes (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      session_id uuid,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (community_id, session_id) REFERENCES live_sessions (community_id, id) ON DELETE CASCADE
    );
    CREATE UNIQUE INDEX live_codes_name_key
      ON live_codes (community_id, COALESCE(session_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));

    CREATE TABLE live_excerpts (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL,
      session_id uuid NOT NULL,
      code_id uuid NOT NULL REFERENCES live_codes (id) ON DELETE CASCADE,
      message_id uuid NOT NULL REFERENCES live_messages (id) ON DELETE CASCADE,
      range_start integer CHECK (range_start >= 0),
      range_end integer,
      created_by uuid REFERENCES memberships (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((range_start IS NULL) = (range_end IS NULL)),
      CHECK (range_end IS NULL OR range_end > range_start),
      FOREIGN KEY (community_id, session_id) REFERENCES live_sessions (community_id, id) ON DELETE CASCADE
    );
    CREATE UNIQUE INDEX live_excerpts_key
      ON live_excerpts (code_id, message_id, COALESCE(range_start, -1), COALESCE(range_end, -1));
    CREATE INDEX live_excerpts_session_idx ON live_excerpts (session_id, code_id);
  `.execute(db);
}

/** Drops the tables and the media column. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE IF EXISTS live_excerpts;
    DROP TABLE IF EXISTS live_codes;
    DROP TABLE IF EXISTS live_probe_library;
    ALTER TABLE live_guide_items DROP COLUMN IF EXISTS media_id;
    DROP TABLE IF EXISTS live_media;
  `.execute(db);
}
