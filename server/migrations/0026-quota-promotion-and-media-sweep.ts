import { type Kysely, sql } from 'kysely';

/**
 * Over-quota applicants promoted when a cell frees, and unused stimulus files swept:
 * `recruitment_applications.quota_override` (staff qualified the applicant past a full quota, on purpose:
 * their later quota checks pass), an index to find a campaign's over-quota applicants in application order,
 * and `survey_media.unreferenced_since` (when the media sweep first found the file used by no survey; it
 * is deleted once that is older than the grace period, and the mark is cleared if a survey uses it again).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE recruitment_applications ADD COLUMN quota_override boolean NOT NULL DEFAULT false;
    CREATE INDEX recruitment_applications_over_quota_idx
      ON recruitment_applications (campaign_id, created_at, id) WHERE status = 'over_quota';
    ALTER TABLE survey_media ADD COLUMN unreferenced_since timestamptz;
  `.execute(db);
}

/** Drops the columns and the index. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX IF EXISTS recruitment_applications_over_quota_idx;
    ALTER TABLE recruitment_applications DROP COLUMN IF EXISTS quota_override;
    ALTER TABLE survey_media DROP COLUMN IF EXISTS unreferenced_since;
  `.execute(db);
}
