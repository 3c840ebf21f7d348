import { type Kysely, sql } from 'kysely';

/**
 * Editing and arranging posts: the previous versions of edited topics and replies (`post_revisions`),
 * when a post was last edited (`edited_at`), and the topic a merged topic now lives in (`merged_into_id`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE post_revisions (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      target_type text NOT NULL CHECK (target_type IN ('topic', 'reply')),
      target_id uuid NOT NULL,
      editor_id uuid REFERENCES memberships (id) ON DELETE SET NULL,
      title text CHECK (title IS NULL OR length(title) BETWEEN 5 AND 200),
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 50000),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((target_type = 'topic') = (title IS NOT NULL))
    );
    CREATE INDEX post_revisions_target_idx ON post_revisions (target_type, target_id, created_at, id);

    ALTER TABLE topics
      ADD COLUMN edited_at timestamptz,
      ADD COLUMN merged_into_id uuid,
      ADD CONSTRAINT topics_merged_into_fkey FOREIGN KEY (community_id, merged_into_id)
        REFERENCES topics (community_id, id) ON DELETE SET NULL (merged_into_id),
      ADD CONSTRAINT topics_merged_is_deleted CHECK (merged_into_id IS NULL OR status = 'deleted'),
      ADD CONSTRAINT topics_not_merged_into_itself CHECK (merged_into_id IS NULL OR merged_into_id <> id);
    CREATE INDEX topics_merged_into_idx ON topics (merged_into_id) WHERE merged_into_id IS NOT NULL;

    ALTER TABLE replies ADD COLUMN edited_at timestamptz;

    -- A merge moves a topic's kudos to the reply made of its opening post.
    CREATE INDEX kudos_target_idx ON kudos (target_type, target_id);
  `.execute(db);
}

/** Drops the revisions and the columns added to topics and replies. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX IF EXISTS kudos_target_idx;
    DROP TABLE IF EXISTS post_revisions;
    ALTER TABLE topics
      DROP CONSTRAINT IF EXISTS topics_merged_into_fkey,
      DROP CONSTRAINT IF EXISTS topics_merged_is_deleted,
      DROP CONSTRAINT IF EXISTS topics_not_merged_into_itself,
      DROP COLUMN IF EXISTS merged_into_id,
      DROP COLUMN IF EXISTS edited_at;
    ALTER TABLE replies DROP COLUMN IF EXISTS edited_at;
  `.execute(db);
}
