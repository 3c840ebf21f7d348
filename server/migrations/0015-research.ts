import { type Kysely, sql } from 'kysely';

/**
 * The insight panel's first slice (issue 5): profile attributes defined by staff per community and the
 * members' values; segments (saved filters over attributes, membership status and role, joined date and
 * activity); surveys and polls (a definition validated on save, opening and closing dates, a target
 * segment, anonymity, declared points, the reminder sent) and their responses (one per member and survey, saved page by page,
 * completed once; per-page and per-question timings kept for the reliability scores of a later slice).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE profile_attributes (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,39}$'),
      label text NOT NULL CHECK (length(label) BETWEEN 1 AND 120),
      kind text NOT NULL CHECK (kind IN ('text', 'number', 'date', 'single_choice', 'multiple_choice')),
      visibility text NOT NULL CHECK (visibility IN ('member_editable', 'staff_only', 'observer_visible')),
      options jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(options) = 'array'),
      position integer NOT NULL DEFAULT 0 CHECK (position BETWEEN 0 AND 1000),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (community_id, key),
      UNIQUE (community_id, id),
      CHECK ((kind IN ('single_choice', 'multiple_choice')) = (jsonb_array_length(options) > 0))
    );
    CREATE INDEX profile_attributes_community_idx ON profile_attributes (community_id, position, id);

    CREATE TABLE profile_values (
      community_id uuid NOT NULL,
      attribute_id uuid NOT NULL,
      member_id uuid NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
      value jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (attribute_id, member_id),
      FOREIGN KEY (community_id, attribute_id) REFERENCES profile_attributes (community_id, id) ON DELETE CASCADE
    );
    CREATE INDEX profile_values_member_idx ON profile_values (member_id);

    CREATE TABLE segments (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
      filter jsonb NOT NULL CHECK (jsonb_typeof(filter) = 'object'),
      created_by uuid REFERENCES auth_user (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (community_id, name),
      UNIQUE (community_id, id)
    );

    CREATE TABLE surveys (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('survey', 'poll')),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      description text NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
      definition jsonb NOT NULL CHECK (jsonb_typeof(definition) = 'object'),
      published boolean NOT NULL DEFAULT false,
      opens_at timestamptz,
      closes_at timestamptz,
      segment_id uuid,
      anonymous boolean NOT NULL DEFAULT false,
      points integer NOT NULL DEFAULT 0 CHECK (points BETWEEN 0 AND 100000),
      results_visibility text NOT NULL DEFAULT 'staff'
        CHECK (results_visibility IN ('staff', 'after_vote', 'after_close')),
      created_by uuid REFERENCES auth_user (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      -- The one reminder to non-respondents, claimed in the transaction that queues its emails.
      reminded_at timestamptz,
      UNIQUE (community_id, id),
      CHECK (closes_at IS NULL OR opens_at IS NULL OR closes_at > opens_at),
      CHECK (kind = 'poll' OR results_visibility = 'staff'),
      FOREIGN KEY (community_id, segment_id) REFERENCES segments (community_id, id) ON DELETE RESTRICT
    );
    CREATE INDEX surveys_community_idx ON surveys (community_id, created_at DESC, id DESC);
    CREATE INDEX surveys_segment_idx ON surveys (segment_id) WHERE segment_id IS NOT NULL;
    CREATE INDEX surveys_reminder_due_idx ON surveys (closes_at)
      WHERE published AND reminded_at IS NULL AND closes_at IS NOT NULL;

    CREATE TABLE survey_responses (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL,
      survey_id uuid NOT NULL,
      member_id uuid NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
      status text NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'completed')),
      answers jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(answers) = 'object'),
      page_index integer NOT NULL DEFAULT 0 CHECK (page_index >= 0),
      page_timings jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(page_timings) = 'object'),
      question_timings jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(question_timings) = 'object'),
      sentiments jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(sentiments) = 'object'),
      locale text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en')),
      started_at timestamptz NOT NULL DEFAULT now(),
      page_started_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      completed_at timestamptz,
      duration_ms integer CHECK (duration_ms >= 0),
      CONSTRAINT survey_responses_once UNIQUE (survey_id, member_id),
      CHECK ((status = 'completed') = (completed_at IS NOT NULL)),
      CHECK ((completed_at IS NULL) = (duration_ms IS NULL)),
      FOREIGN KEY (community_id, survey_id) REFERENCES surveys (community_id, id) ON DELETE CASCADE
    );
    CREATE INDEX survey_responses_completed_idx ON survey_responses (survey_id, completed_at, id)
      WHERE status = 'completed';
    CREATE INDEX survey_responses_member_idx ON survey_responses (member_id, completed_at)
      WHERE status = 'completed';
  `.execute(db);
}

/** Drops the panel's and research's tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE IF EXISTS survey_responses;
    DROP TABLE IF EXISTS surveys;
    DROP TABLE IF EXISTS segments;
    DROP TABLE IF EXISTS profile_values;
    DROP TABLE IF EXISTS profile_attributes;
  `.execute(db);
}
