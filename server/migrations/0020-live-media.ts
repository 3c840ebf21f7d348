import { type Kysely, sql } from 'kysely';

/**
 * Live sessions: stimuli as real media (an uploaded image, logo, video or audio file of a session,
 * checked by content, referenced by a stimulus item and served to the session's people only). And
 * attachments on stored emails
 * (`mail_messages.attachments`: `[{ filename, contentType, content (base64) }]`), for the invitation's
 * `.ics`.
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

    ALTER TABLE mail_messages ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]';
  `.execute(db);
}

/** Drops the attachments, the media column and table. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE mail_messages DROP COLUMN IF EXISTS attachments;
    ALTER TABLE live_guide_items DROP COLUMN IF EXISTS media_id;
    DROP TABLE IF EXISTS live_media;
  `.execute(db);
}
