import { type Kysely, sql } from 'kysely';

/** Peer support: boards, topics (questions and discussions), replies, accepted solutions, kudos. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE boards (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      slug text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,58}[a-z0-9]$'),
      title text NOT NULL CHECK (length(title) BETWEEN 2 AND 100),
      description text NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
      kind text NOT NULL CHECK (kind IN ('questions', 'discussions', 'announcements')),
      position integer NOT NULL DEFAULT 0,
      visibility text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'members', 'staff')),
      posting text NOT NULL DEFAULT 'members' CHECK (posting IN ('members', 'staff')),
      premoderation boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (community_id, slug),
      UNIQUE (community_id, id)
    );
    CREATE INDEX boards_community_position_idx ON boards (community_id, position, id);

    CREATE TABLE topics (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL,
      board_id uuid NOT NULL,
      author_id uuid NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('question', 'discussion')),
      title text NOT NULL CHECK (length(title) BETWEEN 5 AND 200),
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 50000),
      body_html text NOT NULL,
      status text NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'pending', 'hidden', 'deleted')),
      locked boolean NOT NULL DEFAULT false,
      pinned boolean NOT NULL DEFAULT false,
      solved boolean NOT NULL DEFAULT false,
      replies_count integer NOT NULL DEFAULT 0 CHECK (replies_count >= 0),
      kudos_count integer NOT NULL DEFAULT 0 CHECK (kudos_count >= 0),
      last_activity_at timestamptz NOT NULL DEFAULT now(),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (community_id, board_id) REFERENCES boards (community_id, id) ON DELETE CASCADE,
      UNIQUE (community_id, id)
    );
    CREATE INDEX topics_board_activity_idx ON topics (board_id, pinned DESC, last_activity_at DESC, id DESC);
    CREATE INDEX topics_unanswered_idx ON topics (community_id, created_at) WHERE kind = 'question' AND replies_count = 0;

    CREATE TABLE replies (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL,
      topic_id uuid NOT NULL,
      author_id uuid NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
      in_reply_to_id uuid REFERENCES replies (id) ON DELETE SET NULL,
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 50000),
      body_html text NOT NULL,
      status text NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'pending', 'hidden', 'deleted')),
      is_solution boolean NOT NULL DEFAULT false,
      kudos_count integer NOT NULL DEFAULT 0 CHECK (kudos_count >= 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (community_id, topic_id) REFERENCES topics (community_id, id) ON DELETE CASCADE
    );
    CREATE INDEX replies_topic_idx ON replies (topic_id, created_at, id);

    CREATE TABLE kudos (
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      giver_id uuid NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
      target_type text NOT NULL CHECK (target_type IN ('topic', 'reply')),
      target_id uuid NOT NULL,
      receiver_id uuid NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (giver_id, target_type, target_id),
      CHECK (giver_id <> receiver_id)
    );
    CREATE INDEX kudos_receiver_idx ON kudos (receiver_id, created_at);
  `.execute(db);
}

/** Drops the peer-support tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS kudos, replies, topics, boards CASCADE`.execute(db);
}
