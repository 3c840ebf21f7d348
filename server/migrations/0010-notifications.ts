import { type Kysely, sql } from 'kysely';

/**
 * Notifications: follows of topics and boards (an explicit unfollow is remembered as `following = false`
 * so that automatic follows never override it), in-app notifications (one per source and recipient),
 * per-account email preferences per kind, solution reminders sent (once per question), and the headers
 * an outgoing email carries (List-Unsubscribe).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE follows (
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      member_id uuid NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
      target_type text NOT NULL CHECK (target_type IN ('topic', 'board')),
      target_id uuid NOT NULL,
      following boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (member_id, target_type, target_id)
    );
    CREATE INDEX follows_target_idx ON follows (target_type, target_id, member_id) WHERE following;

    CREATE TABLE notifications (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      recipient_id uuid NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES auth_user (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('reply', 'topic', 'solution', 'mention', 'reminder')),
      source_key text NOT NULL CHECK (length(source_key) BETWEEN 1 AND 200),
      topic_id uuid REFERENCES topics (id) ON DELETE CASCADE,
      reply_id uuid REFERENCES replies (id) ON DELETE CASCADE,
      actor_pseudonym text,
      read_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (source_key, recipient_id)
    );
    CREATE INDEX notifications_user_created_idx ON notifications (user_id, created_at DESC, id DESC);
    CREATE INDEX notifications_recipient_created_idx ON notifications (recipient_id, created_at DESC);
    CREATE INDEX notifications_user_unread_idx ON notifications (user_id) WHERE read_at IS NULL;

    CREATE TABLE email_preferences (
      user_id uuid NOT NULL REFERENCES auth_user (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('reply', 'topic', 'solution', 'mention', 'reminder')),
      enabled boolean NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, kind)
    );

    CREATE TABLE solution_reminders (
      topic_id uuid PRIMARY KEY REFERENCES topics (id) ON DELETE CASCADE,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      sent_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX topics_unsolved_questions_idx ON topics (community_id, id)
      WHERE kind = 'question' AND status = 'published' AND NOT solved;

    ALTER TABLE mail_messages ADD COLUMN headers jsonb NOT NULL DEFAULT '{}'::jsonb;
  `.execute(db);
}

/** Drops the notifications tables and the mail headers column. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE mail_messages DROP COLUMN IF EXISTS headers;
    DROP INDEX IF EXISTS topics_unsolved_questions_idx;
    DROP TABLE IF EXISTS solution_reminders;
    DROP TABLE IF EXISTS email_preferences;
    DROP TABLE IF EXISTS notifications;
    DROP TABLE IF EXISTS follows;
  `.execute(db);
}
