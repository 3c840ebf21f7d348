import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './lock.ts';
import type { DB } from './schema.ts';

// int8 (counts, sums) as numbers: Cercle never stores integers beyond 2^53.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

/** An open database: the Kysely handle, the pool behind it and what kind of server it is. */
export interface Database {
  db: Kysely<DB>;
  pool: pg.Pool;
  kind: 'pglite' | 'postgres';
  /** The PGlite instance in embedded mode (backup, tests). */
  pglite: PGlite | null;
  close(): Promise<void>;
}

/**
 * Where the database lives: a PostgreSQL URL, a PGlite data folder, or PGlite in memory (tests), which may
 * start from a dumped data folder (`template`) instead of an empty one.
 */
export type DatabaseTarget =
  | { kind: 'postgres'; url: string; max?: number }
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-memory'; template?: Blob };

/**
 * The contrib extensions PGlite loads, so that both servers run the same SQL: `unaccent` and `pg_trgm`
 * (search, migration 0008). PostgreSQL ships them; the migration runs `CREATE EXTENSION` on both.
 */
export const PGLITE_EXTENSIONS = { unaccent, pg_trgm };

/** A Kysely handle that may be the root database or an open transaction. */
export type Queryable = Kysely<DB> | Transaction<DB>;

/**
 * Opens the database. Embedded mode takes the data-folder lock first and keeps a single connection
 * (PGlite has one); queries queue on the pool, so a transaction holds PGlite exclusively.
 * @throws DataDirLockedError when another process uses the data folder.
 */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.max ?? 10 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      pool,
      kind: 'postgres',
      pglite: null,
      close: async () => {
        await db.destroy();
      },
    };
  }
  let lock: DataDirLock | null = null;
  if (target.kind === 'pglite') lock = acquireDataDirLock(target.dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(target.kind === 'pglite' ? `${target.dataDir}/pgdata` : 'memory://', {
      extensions: PGLITE_EXTENSIONS,
      // A dumped data folder to start from (the test suite's migrated template) instead of a new initdb.
      ...(target.kind === 'pglite-memory' && target.template ? { loadDataDir: target.template } : {}),
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    kind: 'pglite',
    pglite,
    close: async () => {
      await db.destroy();
      await pglite.close();
      lock?.release();
    },
  };
}
