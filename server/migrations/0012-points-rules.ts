import { type Kysely, sql } from 'kysely';

/**
 * Points rules, ranks, badges, leaderboards and anti-abuse (issue 6, first half). `point_rules` holds a
 * community's changes to the default rules of `rewards/point-rules.ts` (no row: the default); one
 * `rewards_settings` row per community once changed (review period, per-pair daily cap, burst
 * threshold); `ranks` is the ordered list of a community's ranks (no row: the defaults, written on first
 * use) and `member_ranks` each member's current one; `badges` and `member_badges` (revoked with a reason,
 * one standing award per member and badge); `leaderboard_opt_outs`; `points_flags`, the bursts flagged
 * for staff (one open flag per member). Bounds are CHECKs as well as request schemas.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE point_rules (
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      action text NOT NULL CHECK (action ~ '^[a-z_]+\.[a-z_]+$' AND length(action) <= 60),
      points integer NOT NULL CHECK (points BETWEEN 0 AND 10000),
      daily_cap integer CHECK (daily_cap IS NULL OR daily_cap BETWEEN 1 AND 100000),
      enabled boolean NOT NULL DEFAULT true,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (community_id, action)
    );

    CREATE TABLE rewards_settings (
      community_id uuid PRIMARY KEY REFERENCES communities (id) ON DELETE CASCADE,
      review_hours integer NOT NULL DEFAULT 72 CHECK (review_hours BETWEEN 0 AND 2160),
      pair_daily_cap integer NOT NULL DEFAULT 20 CHECK (pair_daily_cap BETWEEN 1 AND 100000),
      burst_points integer NOT NULL DEFAULT 200 CHECK (burst_points BETWEEN 1 AND 1000000),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE ranks (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      position integer NOT NULL CHECK (position BETWEEN 0 AND 49),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
      min_points integer NOT NULL DEFAULT 0 CHECK (min_points BETWEEN 0 AND 100000000),
      min_solutions integer NOT NULL DEFAULT 0 CHECK (min_solutions BETWEEN 0 AND 1000000),
      min_kudos integer NOT NULL DEFAULT 0 CHECK (min_kudos BETWEEN 0 AND 1000000),
      min_tenure_days integer NOT NULL DEFAULT 0 CHECK (min_tenure_days BETWEEN 0 AND 36500),
      skips_premoderation boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (community_id, position),
      UNIQUE (community_id, id),
      -- The first rank is everyone's: it asks for nothing.
      CHECK (position > 0 OR (min_points = 0 AND min_solutions = 0 AND min_kudos = 0 AND min_tenure_days = 0))
    );

    CREATE TABLE member_ranks (
      member_id uuid PRIMARY KEY REFERENCES memberships (id) ON DELETE CASCADE,
      community_id uuid NOT NULL,
      rank_id uuid NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (community_id, rank_id) REFERENCES ranks (community_id, id) ON DELETE CASCADE
    );
    CREATE INDEX member_ranks_rank_idx ON member_ranks (rank_id);

    CREATE TABLE badges (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      rule text CHECK (rule IS NULL OR rule IN ('first_solution', 'ten_solutions', 'fifty_kudos', 'one_year')),
      name text CHECK (name IS NULL OR length(name) BETWEEN 1 AND 60),
      description text NOT NULL DEFAULT '' CHECK (length(description) <= 300),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (community_id, id),
      -- A rule badge is named by the interface's language; a hand-awarded one by its creator.
      CHECK ((rule IS NULL) <> (name IS NULL))
    );
    CREATE UNIQUE INDEX badges_rule_key ON badges (community_id, rule) WHERE rule IS NOT NULL;
    CREATE UNIQUE INDEX badges_name_key ON badges (community_id, lower(name)) WHERE name IS NOT NULL;

    CREATE TABLE member_badges (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL,
      badge_id uuid NOT NULL,
      member_id uuid NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
      awarded_by_user_id uuid REFERENCES auth_user (id) ON DELETE SET NULL,
      awarded_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz,
      revoked_by_user_id uuid REFERENCES auth_user (id) ON DELETE SET NULL,
      revoke_reason text CHECK (revoke_reason IS NULL OR length(revoke_reason) BETWEEN 1 AND 500),
      FOREIGN KEY (community_id, badge_id) REFERENCES badges (community_id, id) ON DELETE CASCADE,
      CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL))
    );
    CREATE UNIQUE INDEX member_badges_standing_key ON member_badges (badge_id, member_id) WHERE revoked_at IS NULL;
    CREATE INDEX member_badges_member_idx ON member_badges (member_id, awarded_at DESC);

    CREATE TABLE leaderboard_opt_outs (
      member_id uuid PRIMARY KEY REFERENCES memberships (id) ON DELETE CASCADE,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE points_flags (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      member_id uuid NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
      points_in_hour integer NOT NULL CHECK (points_in_hour > 0),
      threshold integer NOT NULL CHECK (threshold > 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      resolved_at timestamptz,
      resolved_by_user_id uuid REFERENCES auth_user (id) ON DELETE SET NULL,
      CHECK (points_in_hour > threshold)
    );
    CREATE UNIQUE INDEX points_flags_open_key ON points_flags (member_id) WHERE resolved_at IS NULL;
    CREATE INDEX points_flags_community_idx ON points_flags (community_id, created_at DESC, id DESC);

    -- Caps count today's awards of one member per action, and per giver → receiver pair.
    CREATE INDEX points_ledger_awards_idx ON points_ledger (member_id, action, created_at)
      WHERE kind = 'award';
    CREATE INDEX points_ledger_pair_idx ON points_ledger (member_id, counterpart_id, created_at)
      WHERE kind = 'award' AND counterpart_id IS NOT NULL;
  `.execute(db);
}

/** Drops the rules, ranks, badges, opt-outs and flags (the ledger of 0011 stays). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX IF EXISTS points_ledger_pair_idx;
    DROP INDEX IF EXISTS points_ledger_awards_idx;
    DROP TABLE IF EXISTS points_flags;
    DROP TABLE IF EXISTS leaderboard_opt_outs;
    DROP TABLE IF EXISTS member_badges;
    DROP TABLE IF EXISTS badges;
    DROP TABLE IF EXISTS member_ranks;
    DROP TABLE IF EXISTS ranks;
    DROP TABLE IF EXISTS rewards_settings;
    DROP TABLE IF EXISTS point_rules;
  `.execute(db);
}
