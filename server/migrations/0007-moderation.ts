import { type Kysely, sql } from 'kysely';

/**
 * First-line moderation: members' flags on topics and replies (one open flag per member per item), the
 * indexes of the moderation queue (pending, hidden and deleted posts of a community) and of per-member
 * posting limits (a member's posts in the last seconds and hour).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE flags (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      target_type text NOT NULL CHECK (target_type IN ('topic', 'reply')),
      target_id uuid NOT NULL,
      topic_id uuid NOT NULL,
      flagger_id uuid NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
      reason text NOT NULL CHECK (reason IN ('spam', 'offensive', 'off_topic', 'other')),
      note text CHECK (note IS NULL OR length(note) BETWEEN 1 AND 500),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
      resolution text CHECK (resolution IN ('approve', 'hide', 'delete', 'restore')),
      resolved_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (community_id, topic_id) REFERENCES topics (community_id, id) ON DELETE CASCADE,
      CHECK (reason <> 'other' OR note IS NOT NULL),
      CHECK ((status = 'open') = (resolved_at IS NULL AND resolution IS NULL)),
      CHECK (target_type = 'reply' OR target_id = topic_id)
    );
    CREATE UNIQUE INDEX flags_one_open_per_member_idx ON flags (flagger_id, target_type, target_id)
      WHERE status = 'open';
    CREATE INDEX flags_open_queue_idx ON flags (community_id, target_type, target_id, created_at)
      WHERE status = 'open';
    CREATE INDEX flags_topic_idx ON flags (topic_id);

    CREATE INDEX topics_moderation_idx ON topics (community_id, status, updated_at, id)
      WHERE status <> 'published';
    CREATE INDEX replies_moderation_idx ON replies (community_id, status, updated_at, id)
      WHERE status <> 'published';
    CREATE INDEX topics_author_created_idx ON topics (author_id, created_at);
    CREATE INDEX replies_author_created_idx ON replies (author_id, created_at);
  `.execute(db);
}

/** Drops the flags and the moderation indexes. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX IF EXISTS replies_author_created_idx;
    DROP INDEX IF EXISTS topics_author_created_idx;
    DROP INDEX IF EXISTS replies_moderation_idx;
    DROP INDEX IF EXISTS topics_moderation_idx;
    DROP TABLE IF EXISTS flags;
  `.execute(db);
}
