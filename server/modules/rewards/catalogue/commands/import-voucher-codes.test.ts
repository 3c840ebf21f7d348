import { beforeAll, describe, expect, it } from 'vitest';
import { auditRowsOf, ctxFor, expectAppError, outboxEventsOf, testApp } from '../../../../../test/helpers.ts';
import { rewardCommunity, rewardRow, seedReward, seedVoucher } from '../../../../../test/reward-fixtures.ts';
import { newId } from '../../../../platform/db/ids.ts';
import { importVoucherCodes } from './import-voucher-codes.ts';

beforeAll(() => testApp(), 180_000);

async function codesOf(rewardId: string) {
  const { kernel } = await testApp();
  const rows = await kernel.db
    .selectFrom('voucher_codes')
    .select('code')
    .where('reward_id', '=', rewardId)
    .execute();
  return rows.map((r) => r.code).sort();
}

describe('importVoucherCodes', () => {
  it('rejects bad input: no body, no code, a file with duplicates or bad rows changes nothing', async () => {
    const { community, admin } = await rewardCommunity();
    const voucher = await seedVoucher(community.id, ['OLD-1']);
    const ctx = await ctxFor(admin.user);
    const run = (input: unknown) =>
      importVoucherCodes({ ctx, community: community.slug, rewardId: voucher.id, input });
    await expectAppError(run({}), 'validation_failed', '/csv');
    await expectAppError(run({ csv: '\n\n' }), 'validation_failed', '/csv');
    await expectAppError(run({ csv: 'code\n' }), 'validation_failed', '/csv');
    const error = await expectAppError(
      run({ csv: `code\nNEW-1\nNEW-1\n""\n${'x'.repeat(201)}\nOLD-1\nNEW-2` }),
      'validation_failed',
    );
    expect(error.messageKey).toBe('rewards.import.refused');
    expect(error.fields).toEqual([
      { path: '/csv/3', key: 'rewards.import.row.duplicateInFile', params: { limit: 200 } },
      { path: '/csv/4', key: 'rewards.import.row.empty', params: { limit: 200 } },
      { path: '/csv/5', key: 'rewards.import.row.tooLong', params: { limit: 200 } },
      { path: '/csv/6', key: 'rewards.import.row.alreadyImported', params: { limit: 200 } },
    ]);
    expect(await codesOf(voucher.id)).toEqual(['OLD-1']);
    expect((await rewardRow(voucher.id)).stock).toBe(1);
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('reports unknown rewards as not found and refuses codes for other kinds', async () => {
    const { community, admin } = await rewardCommunity();
    const gift = await seedReward(community.id);
    const ctx = await ctxFor(admin.user);
    await expectAppError(
      importVoucherCodes({ ctx, community: community.slug, rewardId: newId(), input: { csv: 'A' } }),
      'not_found',
    );
    const error = await expectAppError(
      importVoucherCodes({ ctx, community: community.slug, rewardId: gift.id, input: { csv: 'A' } }),
      'conflict',
    );
    expect(error.messageKey).toBe('rewards.error.notVoucher');
  });

  it('refuses anyone but community managers', async () => {
    const { community, member, observer } = await rewardCommunity();
    const voucher = await seedVoucher(community.id, []);
    for (const person of [member, observer]) {
      await expectAppError(
        importVoucherCodes({
          ctx: await ctxFor(person.user),
          community: community.slug,
          rewardId: voucher.id,
          input: { csv: 'A' },
        }),
        'forbidden',
      );
    }
    expect(await codesOf(voucher.id)).toEqual([]);
  });

  it('imports good rows (quoted, first column, CRLF), reports the others with skipInvalid, adds to the stock', async () => {
    const { community, moderator } = await rewardCommunity();
    const voucher = await seedVoucher(community.id, ['OLD-1']);
    const result = await importVoucherCodes({
      ctx: await ctxFor(moderator.user),
      community: community.slug,
      rewardId: voucher.id,
      input: { csv: 'Code;value\r\n"NEW,1";10\r\nNEW-2\r\nNEW-2\r\nOLD-1\r\n\r\n', skipInvalid: true },
    });
    expect(result).toEqual({
      imported: 2,
      rejected: 2,
      stock: 3,
      errors: [
        { line: 4, code: 'NEW-2', error: 'duplicateInFile', message: 'Appears earlier in the file.' },
        { line: 5, code: 'OLD-1', error: 'alreadyImported', message: 'Already imported.' },
      ],
    });
    expect(await codesOf(voucher.id)).toEqual(['NEW,1', 'NEW-2', 'OLD-1']);
    const events = await outboxEventsOf(community.id);
    expect(events).toMatchObject([
      { type: 'voucher_codes.imported', payload: { rewardId: voucher.id, imported: 2, rejected: 2 } },
    ]);
    expect(JSON.stringify(events)).not.toContain('NEW');
    expect((await auditRowsOf(community.id)).map((r) => [r.action, r.data])).toEqual([
      ['voucher_codes.import', { imported: 2, rejected: 2 }],
    ]);
  });
});
