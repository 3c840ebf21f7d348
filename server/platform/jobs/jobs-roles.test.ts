import { afterEach, describe, expect, it } from 'vitest';
import { openTestPglite } from '../../../test/helpers.ts';
import { createLogger } from '../log/logger.ts';
import type { Database } from '../db/database.ts';
import { Jobs } from './jobs.ts';

/** Counts the statements pg-boss sends through the database's pool. */
function counting(database: Database) {
  const statements: string[] = [];
  const query = database.pool.query.bind(database.pool) as (...args: unknown[]) => unknown;
  (database.pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args) => {
    if (typeof args[0] === 'string') statements.push(args[0]);
    return query(...args);
  };
  return statements;
}

const log = createLogger({ logLevel: 'silent' });
let open: { jobs: Jobs; database: Database } | null = null;
afterEach(async () => {
  await open?.jobs.stop();
  await open?.database.close();
  open = null;
});

async function idleStatements(work: boolean, withCron: boolean): Promise<string[]> {
  const database = await openTestPglite();
  const jobs = new Jobs(database, log, { work });
  open = { jobs, database };
  jobs.define({
    name: 'roles-test.sweep',
    ...(withCron ? { cron: '0 3 * * *' } : {}),
    handler: async () => {},
  });
  await jobs.start({ work });
  const statements = counting(database);
  // Right after start pg-boss runs its cron pass (where scheduling is on); a worker then polls its queues
  // every second. Every process checks pg-boss's own background migrations (right away, then once a
  // minute): those statements are left out.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  return statements.filter((text) => !/pgboss\.bam\b|\bbam_on\b/.test(text));
}

describe('pg-boss per process role', () => {
  it('a web-only process sends no pg-boss statement while idle (no maintenance, no cron pass, no polling)', async () => {
    expect(await idleStatements(false, true)).toEqual([]);
  });

  it('a worker process polls its queues and runs the cron pass', async () => {
    const statements = await idleStatements(true, true);
    expect(statements.length).toBeGreaterThan(0);
  });
});
