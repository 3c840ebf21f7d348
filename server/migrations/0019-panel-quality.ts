import { type Kysely, sql } from 'kysely';

/**
 * The insight panel's quality slice (issue 5, points 6 and 7):
 * - `panel_settings`: per community, how long a probation lasts (activities or days, whichever comes
 *   first), the reliability score under which a member is flagged for review, and how fast a completion
 *   must be (a percentage of the survey's median time) to count as speeding. A community without a row
 *   uses the column defaults.
 * - `member_ratings`: a staff rating (1–5) of a member's participation, with a note.
 * - `member_reliability`: the last computed reliability of a member with its factors (the score itself
 *   is copied to `memberships.reliability_score`, which other areas read).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE panel_settings (
      community_id uuid PRIMARY KEY REFERENCES communities (id) ON DELETE CASCADE,
      probation_activities integer NOT NULL DEFAULT 3 CHECK (probation_activities BETWEEN 1 AND 50),
      probation_days integer NOT NULL DEFAULT 30 CHECK (probation_days BETWEEN 1 AND 365),
      review_threshold integer NOT NULL DEFAULT 50 CHECK (review_threshold BETWEEN 0 AND 100),
      speeding_percent integer NOT NULL DEFAULT 33 CHECK (speeding_percent BETWEEN 5 AND 90),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE member_ratings (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      member_id uuid NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
      rated_by uuid REFERENCES auth_user (id) ON DELETE SET NULL,
      rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
      note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX member_ratings_member_idx ON member_ratings (member_id, created_at DESC, id DESC);

    CREATE TABLE member_reliability (
      member_id uuid PRIMARY KEY REFERENCES memberships (id) ON DELETE CASCADE,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      score smallint NOT NULL CHECK (score BETWEEN 0 AND 100),
      factors jsonb NOT NULL CHECK (jsonb_typeof(factors) = 'object'),
      computed_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX member_reliability_community_idx ON member_reliability (community_id, score);
  `.execute(db);
}

/** Drops the tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE IF EXISTS member_reliability;
    DROP TABLE IF EXISTS member_ratings;
    DROP TABLE IF EXISTS panel_settings;
  `.execute(db);
}
