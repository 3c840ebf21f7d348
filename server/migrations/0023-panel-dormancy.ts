import { type Kysely, sql } from 'kysely';

/**
 * Dormancy in the panel's lifecycle (issue 5, point 5: active → dormant): the number of days without any
 * activity (a completed survey or poll, a live session joined, a topic or reply posted) after which an
 * active member becomes dormant. A dormant member who takes part again is active again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE panel_settings
      ADD COLUMN dormant_days integer NOT NULL DEFAULT 90 CHECK (dormant_days BETWEEN 14 AND 730)
  `.execute(db);
}

/** Drops the column. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE panel_settings DROP COLUMN IF EXISTS dormant_days`.execute(db);
}
