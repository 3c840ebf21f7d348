import { type Kysely, sql } from 'kysely';

const OLD_RULES = `'first_solution', 'ten_solutions', 'fifty_kudos', 'one_year'`;
const NEW_RULES = `${OLD_RULES}, 'five_sessions'`;

/**
 * What remained of issue 6:
 * - rewards: eligibility by minimum rank (a rank position: the list of ranks is replaced as a whole, its
 *   ids change, its positions do not) and by panel segment, and one image (an upload attached to the
 *   reward: `uploads.target_type` learns `reward`);
 * - ranks: a minimum reliability score (0–100; a member not scored does not meet it) and the ability to
 *   mark solutions on any question (`marks_any_solution`, Superfans by default);
 * - the rule badge `five_sessions` (live sessions attended);
 * - `points_awards_due`, the release job's queue: one row per award not settled yet (the ledger is
 *   append-only, so a partial index cannot say "unsettled"; this table is that index), removed in the
 *   transaction that settles the award. It replaces `points_ledger_due_idx`, which covered every award.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE rewards
      ADD COLUMN min_rank_position integer
        CHECK (min_rank_position IS NULL OR min_rank_position BETWEEN 1 AND 49),
      ADD COLUMN segment_id uuid,
      ADD COLUMN image_id uuid REFERENCES uploads (id) ON DELETE SET NULL,
      ADD CONSTRAINT rewards_segment_fk FOREIGN KEY (community_id, segment_id)
        REFERENCES segments (community_id, id);

    ALTER TABLE uploads DROP CONSTRAINT uploads_target_type_check;
    ALTER TABLE uploads ADD CONSTRAINT uploads_target_type_check
      CHECK (target_type IN ('topic', 'reply', 'reward'));

    ALTER TABLE ranks
      ADD COLUMN min_reliability smallint CHECK (min_reliability IS NULL OR min_reliability BETWEEN 0 AND 100),
      ADD COLUMN marks_any_solution boolean NOT NULL DEFAULT false,
      ADD CONSTRAINT ranks_first_reliability_check CHECK (position > 0 OR min_reliability IS NULL);
    UPDATE ranks r SET marks_any_solution = true
      WHERE r.position = (SELECT max(position) FROM ranks x WHERE x.community_id = r.community_id)
        AND r.position >= 4;

    ALTER TABLE badges DROP CONSTRAINT badges_rule_check;
    ALTER TABLE badges ADD CONSTRAINT badges_rule_check CHECK (rule IS NULL OR rule IN (${sql.raw(NEW_RULES)}));

    CREATE TABLE points_awards_due (
      award_id uuid PRIMARY KEY REFERENCES points_ledger (id) ON DELETE CASCADE,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      release_at timestamptz NOT NULL
    );
    CREATE INDEX points_awards_due_idx ON points_awards_due (release_at);
    INSERT INTO points_awards_due (award_id, community_id, release_at)
      SELECT a.id, a.community_id, a.release_at FROM points_ledger a
      WHERE a.kind = 'award' AND a.release_at IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM points_ledger c WHERE c.parent_id = a.id);
    DROP INDEX IF EXISTS points_ledger_due_idx;
  `.execute(db);
}

/** Drops the queue (restoring the old index), the rank columns, the badge rule and the reward columns. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX IF NOT EXISTS points_ledger_due_idx ON points_ledger (release_at) WHERE kind = 'award';
    DROP TABLE IF EXISTS points_awards_due;
    DELETE FROM badges WHERE rule = 'five_sessions';
    ALTER TABLE badges DROP CONSTRAINT badges_rule_check;
    ALTER TABLE badges ADD CONSTRAINT badges_rule_check CHECK (rule IS NULL OR rule IN (${sql.raw(OLD_RULES)}));
    ALTER TABLE ranks DROP CONSTRAINT IF EXISTS ranks_first_reliability_check;
    ALTER TABLE ranks DROP COLUMN IF EXISTS marks_any_solution, DROP COLUMN IF EXISTS min_reliability;
    UPDATE uploads SET target_type = NULL, target_id = NULL, position = NULL WHERE target_type = 'reward';
    ALTER TABLE uploads DROP CONSTRAINT uploads_target_type_check;
    ALTER TABLE uploads ADD CONSTRAINT uploads_target_type_check CHECK (target_type IN ('topic', 'reply'));
    ALTER TABLE rewards DROP CONSTRAINT IF EXISTS rewards_segment_fk;
    ALTER TABLE rewards DROP COLUMN IF EXISTS image_id, DROP COLUMN IF EXISTS segment_id,
      DROP COLUMN IF EXISTS min_rank_position;
  `.execute(db);
}
