import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../server/platform/db/database.ts';
import { migrateToLatest } from '../server/platform/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite data folder (tar) that every test file's in-memory database starts from. */
    pgliteTemplate: string;
  }
}

let folder: string | null = null;

/**
 * On the embedded database, builds and migrates PGlite once for the whole run and hands its dumped data
 * folder to the test files: each file still gets its own in-memory database, loaded from the dump instead
 * of running initdb and every migration again (most of a test file's setup time). On PostgreSQL, nothing.
 */
export async function setup(project: TestProject): Promise<void> {
  if (process.env.DATABASE_URL) {
    project.provide('pgliteTemplate', '');
    return;
  }
  const database = await openDatabase({ kind: 'pglite-memory' });
  try {
    await migrateToLatest(database.db);
    const dump = await database.pglite!.dumpDataDir('none');
    folder = mkdtempSync(join(tmpdir(), 'cercle-pglite-template-'));
    const file = join(folder, 'pgdata.tar');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide('pgliteTemplate', file);
  } finally {
    await database.close();
  }
}

/** Removes the dumped data folder. */
export function teardown(): void {
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = null;
}
