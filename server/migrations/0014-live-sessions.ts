import { type Kysely, sql } from 'kysely';

/**
 * Live sessions (online focus groups): the sessions, their staff (moderators and observers), the invited
 * participants with their invitation and attendance, the discussion guide (sections and items with a
 * queued/sent/skipped state), the room's messages numbered per session (`seq`, taken from the session's
 * counter in the insert's transaction; unique per session), reactions, the confidential backroom (its own
 * table and counter, never read by a participant's path) and the observers' probe suggestions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE live_sessions (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      objectives text NOT NULL DEFAULT '' CHECK (length(objectives) <= 5000),
      starts_at timestamptz NOT NULL,
      duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 10 AND 480),
      capacity integer NOT NULL DEFAULT 12 CHECK (capacity BETWEEN 2 AND 200),
      lobby_minutes integer NOT NULL DEFAULT 10 CHECK (lobby_minutes BETWEEN 0 AND 120),
      status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'live', 'ended', 'cancelled')),
      last_seq bigint NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
      backroom_last_seq bigint NOT NULL DEFAULT 0 CHECK (backroom_last_seq >= 0),
      created_by uuid REFERENCES auth_user (id) ON DELETE SET NULL,
      started_at timestamptz,
      ended_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'ended') = (ended_at IS NOT NULL)),
      UNIQUE (community_id, id)
    );
    CREATE INDEX live_sessions_community_idx ON live_sessions (community_id, starts_at, id);

    CREATE TABLE live_staff (
      session_id uuid NOT NULL,
      member_id uuid NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
      community_id uuid NOT NULL,
      role text NOT NULL CHECK (role IN ('moderator', 'observer')),
      PRIMARY KEY (session_id, member_id),
      FOREIGN KEY (community_id, session_id) REFERENCES live_sessions (community_id, id) ON DELETE CASCADE
    );
    CREATE INDEX live_staff_member_idx ON live_staff (member_id);

    CREATE TABLE live_participants (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL,
      session_id uuid NOT NULL,
      member_id uuid NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
      invitation text NOT NULL DEFAULT 'invited' CHECK (invitation IN ('invited', 'accepted', 'declined')),
      attendance text NOT NULL DEFAULT 'none'
        CHECK (attendance IN ('none', 'waiting', 'admitted', 'dismissed', 'removed', 'left')),
      muted boolean NOT NULL DEFAULT false,
      invited_at timestamptz NOT NULL DEFAULT now(),
      responded_at timestamptz,
      joined_at timestamptz,
      admitted_at timestamptz,
      left_at timestamptz,
      reminded_24h_at timestamptz,
      reminded_1h_at timestamptz,
      CHECK ((invitation = 'invited') = (responded_at IS NULL)),
      CHECK (attendance = 'none' OR joined_at IS NOT NULL),
      CONSTRAINT live_participants_session_member_key UNIQUE (session_id, member_id),
      FOREIGN KEY (community_id, session_id) REFERENCES live_sessions (community_id, id) ON DELETE CASCADE
    );
    CREATE INDEX live_participants_member_idx ON live_participants (member_id, session_id);

    CREATE TABLE live_guide_sections (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL,
      session_id uuid NOT NULL,
      position integer NOT NULL CHECK (position >= 0),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      planned_minutes integer NOT NULL CHECK (planned_minutes BETWEEN 0 AND 480),
      CONSTRAINT live_guide_sections_position_key UNIQUE (session_id, position) DEFERRABLE INITIALLY DEFERRED,
      UNIQUE (session_id, id),
      FOREIGN KEY (community_id, session_id) REFERENCES live_sessions (community_id, id) ON DELETE CASCADE
    );

    CREATE TABLE live_guide_items (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL,
      session_id uuid NOT NULL,
      section_id uuid NOT NULL,
      position integer NOT NULL CHECK (position >= 0),
      kind text NOT NULL CHECK (kind IN ('question', 'probe', 'stimulus', 'note')),
      question_type text CHECK (question_type IN ('open', 'single', 'multiple', 'rating')),
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
      options jsonb NOT NULL DEFAULT '[]',
      blind boolean NOT NULL DEFAULT false,
      state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'skipped')),
      sent_at timestamptz,
      revealed_at timestamptz,
      tally_shown boolean NOT NULL DEFAULT false,
      CHECK ((kind = 'question') = (question_type IS NOT NULL)),
      CHECK (NOT blind OR kind = 'question'),
      CHECK ((state = 'sent') = (sent_at IS NOT NULL)),
      CHECK (revealed_at IS NULL OR blind),
      CONSTRAINT live_guide_items_position_key UNIQUE (section_id, position) DEFERRABLE INITIALLY DEFERRED,
      FOREIGN KEY (session_id, section_id) REFERENCES live_guide_sections (session_id, id) ON DELETE CASCADE,
      FOREIGN KEY (community_id, session_id) REFERENCES live_sessions (community_id, id) ON DELETE CASCADE
    );
    CREATE INDEX live_guide_items_session_idx ON live_guide_items (session_id, state);

    CREATE TABLE live_messages (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL,
      session_id uuid NOT NULL,
      seq bigint NOT NULL CHECK (seq > 0),
      kind text NOT NULL CHECK (kind IN ('message', 'answer', 'item', 'private', 'deletion', 'reveal', 'end')),
      author_member_id uuid REFERENCES memberships (id) ON DELETE SET NULL,
      author_role text NOT NULL CHECK (author_role IN ('participant', 'moderator', 'system')),
      body text CHECK (length(body) <= 4000),
      item_id uuid REFERENCES live_guide_items (id) ON DELETE SET NULL,
      choice jsonb,
      reply_to_seq bigint,
      target_seq bigint,
      private_member_id uuid REFERENCES memberships (id) ON DELETE SET NULL,
      client_id text CHECK (length(client_id) <= 64),
      deleted_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT live_messages_session_seq_key UNIQUE (session_id, seq),
      CHECK ((kind = 'private') = (private_member_id IS NOT NULL)),
      CHECK ((kind = 'deletion') = (target_seq IS NOT NULL)),
      CHECK (kind NOT IN ('answer', 'item', 'reveal') OR item_id IS NOT NULL),
      FOREIGN KEY (community_id, session_id) REFERENCES live_sessions (community_id, id) ON DELETE CASCADE
    );
    CREATE UNIQUE INDEX live_messages_client_idx ON live_messages (session_id, author_member_id, client_id)
      WHERE client_id IS NOT NULL;
    CREATE INDEX live_messages_item_idx ON live_messages (item_id, kind);
    CREATE INDEX live_messages_author_idx ON live_messages (session_id, author_member_id, created_at);

    CREATE TABLE live_reactions (
      message_id uuid NOT NULL REFERENCES live_messages (id) ON DELETE CASCADE,
      member_id uuid NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
      session_id uuid NOT NULL,
      reaction text NOT NULL CHECK (reaction IN ('agree', 'disagree', 'like', 'laugh', 'surprised', 'sad')),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (message_id, member_id, reaction)
    );

    CREATE TABLE live_probe_suggestions (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL,
      session_id uuid NOT NULL,
      author_member_id uuid REFERENCES memberships (id) ON DELETE SET NULL,
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
      posted_body text CHECK (length(posted_body) BETWEEN 1 AND 4000),
      decided_by uuid REFERENCES memberships (id) ON DELETE SET NULL,
      decided_at timestamptz,
      room_seq bigint,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'pending') = (decided_at IS NULL)),
      CHECK ((status = 'approved') = (room_seq IS NOT NULL)),
      FOREIGN KEY (community_id, session_id) REFERENCES live_sessions (community_id, id) ON DELETE CASCADE
    );

    CREATE TABLE live_backroom_messages (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL,
      session_id uuid NOT NULL,
      seq bigint NOT NULL CHECK (seq > 0),
      kind text NOT NULL CHECK (kind IN ('message', 'suggestion', 'approved', 'rejected')),
      author_member_id uuid REFERENCES memberships (id) ON DELETE SET NULL,
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
      suggestion_id uuid REFERENCES live_probe_suggestions (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT live_backroom_session_seq_key UNIQUE (session_id, seq),
      FOREIGN KEY (community_id, session_id) REFERENCES live_sessions (community_id, id) ON DELETE CASCADE
    );
  `.execute(db);
}

/** Drops the live-session tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE IF EXISTS live_backroom_messages;
    DROP TABLE IF EXISTS live_probe_suggestions;
    DROP TABLE IF EXISTS live_reactions;
    DROP TABLE IF EXISTS live_messages;
    DROP TABLE IF EXISTS live_guide_items;
    DROP TABLE IF EXISTS live_guide_sections;
    DROP TABLE IF EXISTS live_participants;
    DROP TABLE IF EXISTS live_staff;
    DROP TABLE IF EXISTS live_sessions;
  `.execute(db);
}
