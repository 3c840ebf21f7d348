import { type Kysely, sql } from 'kysely';

/**
 * Per-community settings of peer support: case escalation and solution reminder delays, the cost of a
 * support contact (for deflection savings), per-member posting rate limits and newcomer pre-moderation.
 * A community without a row uses the defaults declared here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE support_settings (
      community_id uuid PRIMARY KEY REFERENCES communities (id) ON DELETE CASCADE,
      case_escalation_hours integer NOT NULL DEFAULT 48 CHECK (case_escalation_hours BETWEEN 0 AND 2160),
      solution_reminder_hours integer NOT NULL DEFAULT 72 CHECK (solution_reminder_hours BETWEEN 0 AND 2160),
      contact_cost_cents integer NOT NULL DEFAULT 1500 CHECK (contact_cost_cents BETWEEN 0 AND 100000000),
      currency text NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
      burst_posts integer NOT NULL DEFAULT 5 CHECK (burst_posts BETWEEN 1 AND 1000),
      burst_seconds integer NOT NULL DEFAULT 30 CHECK (burst_seconds BETWEEN 1 AND 3600),
      hourly_posts integer NOT NULL DEFAULT 50 CHECK (hourly_posts BETWEEN 1 AND 10000),
      newcomer_premoderation boolean NOT NULL DEFAULT false,
      newcomer_days integer NOT NULL DEFAULT 3 CHECK (newcomer_days BETWEEN 0 AND 365),
      newcomer_posts integer NOT NULL DEFAULT 3 CHECK (newcomer_posts BETWEEN 0 AND 1000),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
  `.execute(db);
}

/** Drops the support settings. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS support_settings`.execute(db);
}
