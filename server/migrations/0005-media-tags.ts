import { type Kysely, sql } from 'kysely';

/**
 * Topic tags and uploaded images.
 *
 * `topic_tags`: at most five normalized tags per topic (the `position` column, 0–4, is unique per topic,
 * so the limit is a constraint); `(community_id, tag)` serves the board and search tag filters.
 *
 * `uploads`: images checked by content (PNG, JPEG, GIF, WebP), at most 5 MB, stored on disk under their
 * id. An upload belongs to the member who sent it until it is attached to one topic or reply (both
 * `target_type` and `target_id` set, or neither); a post carries at most four images.
 *
 * And an index for the experts listed beside a board.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE topic_tags (
      community_id uuid NOT NULL,
      topic_id uuid NOT NULL,
      tag text NOT NULL CHECK (tag ~ '^[a-z0-9]([a-z0-9-]{0,28}[a-z0-9])?$'),
      position smallint NOT NULL CHECK (position BETWEEN 0 AND 4),
      PRIMARY KEY (topic_id, tag),
      UNIQUE (topic_id, position),
      FOREIGN KEY (community_id, topic_id) REFERENCES topics (community_id, id) ON DELETE CASCADE
    );
    CREATE INDEX topic_tags_community_tag_idx ON topic_tags (community_id, tag, topic_id);

    CREATE TABLE uploads (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      uploader_id uuid NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
      content_type text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp')),
      bytes integer NOT NULL CHECK (bytes BETWEEN 1 AND 5242880),
      width integer CHECK (width > 0),
      height integer CHECK (height > 0),
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      alt text NOT NULL DEFAULT '' CHECK (length(alt) <= 200),
      target_type text CHECK (target_type IN ('topic', 'reply')),
      target_id uuid,
      position smallint CHECK (position BETWEEN 0 AND 3),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((target_type IS NULL) = (target_id IS NULL) AND (target_id IS NULL) = (position IS NULL)),
      UNIQUE (target_type, target_id, position)
    );
    CREATE INDEX uploads_uploader_idx ON uploads (uploader_id, created_at);

    -- The experts of a community, listed beside its boards.
    CREATE INDEX memberships_experts_idx ON memberships (community_id, pseudonym)
      WHERE role = 'expert' AND status = 'active';
  `.execute(db);
}

/** Drops the tags and uploads tables (the files on disk are left to the operator). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX IF EXISTS memberships_experts_idx;
    DROP TABLE IF EXISTS uploads, topic_tags CASCADE;
  `.execute(db);
}
