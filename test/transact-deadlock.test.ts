import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { transact } from '../server/platform/kernel.ts';
import { freshCommunity, onPostgres, testApp } from './helpers.ts';

beforeAll(() => testApp(), 180_000);

/** An error shaped as the driver reports PostgreSQL's, with its SQLSTATE code. */
const pgError = (code: string) => Object.assign(new Error(`SQLSTATE ${code}`), { code });

describe('transact and deadlocks', () => {
  it('runs a transaction aborted as a deadlock victim again, at most three times in all', async () => {
    const { kernel } = await testApp();
    let runs = 0;
    await expect(
      transact(kernel, async () => {
        runs++;
        throw pgError('40P01');
      }),
    ).rejects.toMatchObject({ code: '40P01' });
    expect(runs).toBe(3);

    runs = 0;
    const result = await transact(kernel, async () => {
      runs++;
      if (runs === 1) throw pgError('40P01');
      return 'done';
    });
    expect(result).toBe('done');
    expect(runs).toBe(2);
  });

  it('does not run again a transaction that failed for another reason', async () => {
    const { kernel } = await testApp();
    let runs = 0;
    await expect(
      transact(kernel, async () => {
        runs++;
        throw pgError('23505');
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(runs).toBe(1);
  });

  it.runIf(onPostgres)(
    'completes both of two transactions that lock the same rows in opposite orders',
    async () => {
      const { kernel } = await testApp();
      const [a, b] = [await freshCommunity(), await freshCommunity()];
      // Each first attempt takes its first row, then waits until the other has taken its own: a deadlock.
      let taken = 0;
      const bothTaken = new Promise<void>((resolve) => {
        const check = setInterval(() => {
          if (taken === 2) {
            clearInterval(check);
            resolve();
          }
        }, 5);
      });
      const attempts = { ab: 0, ba: 0 };
      const lockBoth = (first: string, second: string, key: 'ab' | 'ba') =>
        transact(kernel, async (trx) => {
          attempts[key]++;
          await sql`SELECT id FROM communities WHERE id = ${first} FOR UPDATE`.execute(trx);
          if (attempts[key] === 1) {
            taken++;
            await bothTaken;
          }
          await sql`SELECT id FROM communities WHERE id = ${second} FOR UPDATE`.execute(trx);
          await sql`UPDATE communities SET description = ${key} WHERE id = ${first}`.execute(trx);
          return key;
        });
      const results = await Promise.all([lockBoth(a.id, b.id, 'ab'), lockBoth(b.id, a.id, 'ba')]);
      expect(results).toEqual(['ab', 'ba']);
      // PostgreSQL aborted exactly one of them, which then ran again.
      expect(attempts.ab + attempts.ba).toBe(3);
    },
    60_000,
  );
});
