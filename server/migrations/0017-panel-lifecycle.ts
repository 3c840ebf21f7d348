import { type Kysely, sql } from 'kysely';

/**
 * Shared columns of the insight panel's member lifecycle (issue 5), read by several areas:
 * - `panel_stage`: where a member stands after admission: on probation, active, dormant or removed
 *   (recruitment writes it; the panel's health, probation follow-up and segments read it). Members who
 *   joined before recruitment existed are `active`. Access is still governed by `status`.
 * - `probation_started_at`: when the probation began (null when the member never was on probation).
 * - `reliability_score`: 0–100, maintained by the panel's reliability scoring; null until first scored.
 *   Ranks may use it as a metric (issue 6).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE memberships
      ADD COLUMN panel_stage text NOT NULL DEFAULT 'active'
        CHECK (panel_stage IN ('probation', 'active', 'dormant', 'removed')),
      ADD COLUMN probation_started_at timestamptz,
      ADD COLUMN reliability_score smallint CHECK (reliability_score BETWEEN 0 AND 100)
  `.execute(db);
}

/** Drops the columns. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE memberships
      DROP COLUMN IF EXISTS reliability_score,
      DROP COLUMN IF EXISTS probation_started_at,
      DROP COLUMN IF EXISTS panel_stage
  `.execute(db);
}
