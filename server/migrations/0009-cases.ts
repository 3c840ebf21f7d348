import { type Kysely, sql } from 'kysely';

/**
 * Support cases: a question left unanswered (or escalated by its asker or a moderator) becomes a case that
 * support agents work in a queue. Adds the `support_agent` staff ability on memberships, the `official`
 * flag on replies (an agent's answer in the brand's name), the cases with their internal notes and their
 * history. (An asker's own list of questions reads `topics_author_created_idx`, from 0007-moderation.)
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE memberships ADD COLUMN support_agent boolean NOT NULL DEFAULT false;
    ALTER TABLE replies ADD COLUMN official boolean NOT NULL DEFAULT false;

    CREATE TABLE cases (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      topic_id uuid NOT NULL,
      status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'open', 'waiting_for_member', 'solved')),
      assignee_id uuid REFERENCES memberships (id) ON DELETE SET NULL,
      opened_by text NOT NULL CHECK (opened_by IN ('auto', 'author', 'moderator')),
      opened_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      solved_at timestamptz,
      CHECK ((status = 'solved') = (solved_at IS NOT NULL)),
      CONSTRAINT cases_topic_id_key UNIQUE (topic_id),
      UNIQUE (community_id, id),
      FOREIGN KEY (community_id, topic_id) REFERENCES topics (community_id, id) ON DELETE CASCADE
    );
    CREATE INDEX cases_queue_idx ON cases (community_id, status, updated_at, id);
    CREATE INDEX cases_updated_idx ON cases (community_id, updated_at, id);
    CREATE INDEX cases_assignee_idx ON cases (community_id, assignee_id, updated_at, id);

    CREATE TABLE case_notes (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL,
      case_id uuid NOT NULL,
      author_id uuid NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (community_id, case_id) REFERENCES cases (community_id, id) ON DELETE CASCADE
    );
    CREATE INDEX case_notes_case_idx ON case_notes (case_id, created_at, id);

    CREATE TABLE case_history (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL,
      case_id uuid NOT NULL,
      actor_id uuid REFERENCES memberships (id) ON DELETE SET NULL,
      kind text NOT NULL CHECK (kind IN ('opened', 'status_changed', 'assigned', 'answered', 'note_added')),
      from_value text,
      to_value text,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (community_id, case_id) REFERENCES cases (community_id, id) ON DELETE CASCADE
    );
    CREATE INDEX case_history_case_idx ON case_history (case_id, created_at, id);
  `.execute(db);
}

/** Drops the cases and the columns this migration added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE IF EXISTS case_history;
    DROP TABLE IF EXISTS case_notes;
    DROP TABLE IF EXISTS cases;
    ALTER TABLE replies DROP COLUMN IF EXISTS official;
    ALTER TABLE memberships DROP COLUMN IF EXISTS support_agent;
  `.execute(db);
}
