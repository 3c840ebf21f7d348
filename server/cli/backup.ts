import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Config } from '../config.ts';
import { PGLITE_EXTENSIONS } from '../platform/db/database.ts';
import { acquireDataDirLock } from '../platform/db/lock.ts';

/**
 * Writes a compressed copy of the embedded database to `file` (takes the data-folder lock, so Cercle must
 * be stopped). With PostgreSQL, use pg_dump instead.
 * @throws Error in PostgreSQL mode, or DataDirLockedError while Cercle runs.
 */
export async function backupEmbedded(config: Config, file: string): Promise<number> {
  if (config.databaseUrl)
    throw new Error('backup works on the embedded database; with DATABASE_URL use pg_dump.');
  const lock = acquireDataDirLock(config.dataDir);
  try {
    const pglite = await PGlite.create(join(config.dataDir, 'pgdata'), { extensions: PGLITE_EXTENSIONS });
    const dump = await pglite.dumpDataDir('gzip');
    await pglite.close();
    const bytes = Buffer.from(await dump.arrayBuffer());
    writeFileSync(file, bytes);
    return bytes.length;
  } finally {
    lock.release();
  }
}

/**
 * Replaces the embedded database with a backup made by `backupEmbedded`. The current data is kept
 * aside as `pgdata.before-restore-<time>`.
 * @throws Error in PostgreSQL mode or for a missing file; DataDirLockedError while Cercle runs.
 */
export async function restoreEmbedded(config: Config, file: string): Promise<string | null> {
  if (config.databaseUrl)
    throw new Error('restore works on the embedded database; with DATABASE_URL use pg_restore.');
  if (!existsSync(file)) throw new Error(`No backup file at ${file}`);
  const lock = acquireDataDirLock(config.dataDir);
  try {
    const target = join(config.dataDir, 'pgdata');
    // Load the backup into a fresh folder first: the current data is only moved aside once the backup
    // has proven it opens.
    const incoming = `${target}.restoring`;
    rmSync(incoming, { recursive: true, force: true });
    const blob = new Blob([readFileSync(file)], { type: 'application/x-gzip' });
    try {
      const pglite = await PGlite.create(incoming, { loadDataDir: blob, extensions: PGLITE_EXTENSIONS });
      await pglite.query('select 1');
      await pglite.close();
    } catch (error) {
      rmSync(incoming, { recursive: true, force: true });
      throw new Error(`${file} is not a usable Cercle backup; the current data is untouched.`, {
        cause: error,
      });
    }
    let aside: string | null = null;
    if (existsSync(target)) {
      aside = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(target, aside);
    }
    renameSync(incoming, target);
    return aside;
  } finally {
    lock.release();
  }
}
