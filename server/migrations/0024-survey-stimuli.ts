import { type Kysely, sql } from 'kysely';

/**
 * Stimulus tests (issue 5, point 12): the files a survey shows as stimuli (an image, logo, video or sound
 * attached to a question, the two variants of a preference question, the image of a "click where you
 * like / dislike" question). Uploaded by research staff, checked by content, images at most 5 MB and
 * videos and sounds at most 50 MB, stored on disk under their id like other uploads, and served only to
 * whoever sees a survey that shows them (and to research staff).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE survey_media (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      uploader_id uuid REFERENCES memberships (id) ON DELETE SET NULL,
      kind text NOT NULL CHECK (kind IN ('image', 'logo', 'video', 'audio')),
      content_type text NOT NULL CHECK (content_type IN (
        'image/png', 'image/jpeg', 'image/gif', 'image/webp',
        'video/mp4', 'video/webm', 'video/ogg', 'video/quicktime',
        'audio/mpeg', 'audio/mp4', 'audio/ogg', 'audio/wav', 'audio/webm', 'audio/flac')),
      bytes integer NOT NULL CHECK (bytes BETWEEN 1 AND 52428800),
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      width integer CHECK (width > 0),
      height integer CHECK (height > 0),
      alt text NOT NULL DEFAULT '' CHECK (length(alt) <= 200),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((kind IN ('image', 'logo')) = (content_type LIKE 'image/%')),
      CHECK (content_type NOT LIKE 'image/%' OR bytes <= 5242880)
    );
    CREATE INDEX survey_media_community_idx ON survey_media (community_id, created_at);
  `.execute(db);
}

/** Drops the table (the files on disk are left to the operator). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS survey_media`.execute(db);
}
