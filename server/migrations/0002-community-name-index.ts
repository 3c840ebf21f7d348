import { type Kysely, sql } from 'kysely';

/** Index for the community list's order (lower(name), id), used by keyset pagination. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX communities_name_idx ON communities (lower(name), id)`.execute(db);
}

/** Drops the index. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS communities_name_idx`.execute(db);
}
