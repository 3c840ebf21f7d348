import { beforeAll, describe, expect, it } from 'vitest';
import { expectAppError, onPostgres, testApp } from '../../../test/helpers.ts';
import { supportCommunity } from '../../../test/support-fixtures.ts';
import { transact } from '../../platform/kernel.ts';
import { appendLedgerEntries, findBalance, findBalanceMismatches, lockBalance } from './ledger.repository.ts';

beforeAll(async () => {
  await testApp();
});

describe('points ledger', () => {
  it('writes an idempotency key once and keeps balances equal to the sums of the ledger', async () => {
    const { kernel } = await testApp();
    const { community, member } = await supportCommunity();
    const memberId = member.memberId;
    const award = {
      communityId: community.id,
      memberId,
      kind: 'award' as const,
      bucket: 'pending' as const,
      points: 15,
      action: 'solution.accepted',
      idempotencyKey: 'evt-1:solution.accepted:m',
    };
    const [row] = await transact(kernel, (trx) => appendLedgerEntries(trx, [award]));
    expect(await transact(kernel, (trx) => appendLedgerEntries(trx, [award]))).toEqual([]);
    expect(await findBalance(kernel.db, memberId)).toEqual({ pending: 15, available: 0, lifetime: 0 });
    await transact(kernel, (trx) =>
      appendLedgerEntries(trx, [
        { ...award, kind: 'release', points: -15, parentId: row.id, idempotencyKey: 'release-p' },
        {
          ...award,
          kind: 'release',
          bucket: 'available',
          points: 15,
          parentId: row.id,
          idempotencyKey: 'release-a',
        },
        { ...award, kind: 'redemption', bucket: 'available', points: -10, idempotencyKey: 'redeem-1' },
      ]),
    );
    expect(await findBalance(kernel.db, memberId)).toEqual({ pending: 0, available: 5, lifetime: 15 });
    expect(await findBalanceMismatches(kernel.db, community.id)).toEqual([]);
  });

  it('refuses to take a balance below zero and writes nothing of the refused transaction', async () => {
    const { kernel } = await testApp();
    const { community, member } = await supportCommunity();
    const memberId = member.memberId;
    await expectAppError(
      transact(kernel, async (trx) => {
        await lockBalance(trx, community.id, memberId);
        await appendLedgerEntries(trx, [
          {
            communityId: community.id,
            memberId,
            kind: 'redemption',
            bucket: 'available',
            points: -1,
            idempotencyKey: 'overdraft',
          },
        ]);
      }),
      'conflict',
    );
    const rows = await kernel.db
      .selectFrom('points_ledger')
      .selectAll()
      .where('member_id', '=', memberId)
      .execute();
    expect(rows).toEqual([]);
    expect(await findBalanceMismatches(kernel.db, community.id)).toEqual([]);
  });

  it.runIf(onPostgres)('never lets concurrent spenders overdraw (PostgreSQL)', async () => {
    const { kernel } = await testApp();
    const { community, member } = await supportCommunity();
    const memberId = member.memberId;
    await transact(kernel, (trx) =>
      appendLedgerEntries(trx, [
        {
          communityId: community.id,
          memberId,
          kind: 'adjustment',
          bucket: 'available',
          points: 50,
          reason: 'gift',
          idempotencyKey: 'gift',
        },
      ]),
    );
    const spend = (i: number) =>
      transact(kernel, (trx) =>
        appendLedgerEntries(trx, [
          {
            communityId: community.id,
            memberId,
            kind: 'redemption',
            bucket: 'available',
            points: -10,
            idempotencyKey: `spend-${i}`,
          },
        ]),
      ).then(
        () => true,
        () => false,
      );
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => spend(i)));
    expect(results.filter(Boolean)).toHaveLength(5);
    expect(await findBalance(kernel.db, memberId)).toMatchObject({ available: 0 });
    expect(await findBalanceMismatches(kernel.db, community.id)).toEqual([]);
  });
});
