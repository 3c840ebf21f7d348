import { type Kysely, sql } from 'kysely';

/**
 * A partial index of active memberships per community: every community load counts its active members
 * (`findCommunity`), which this index answers without visiting the table's rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX memberships_active_community_idx ON memberships (community_id) WHERE status = 'active'`.execute(
    db,
  );
}

/** Drops the index. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS memberships_active_community_idx`.execute(db);
}
