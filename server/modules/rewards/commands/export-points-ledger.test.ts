import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, plainUser, testApp } from '../../../../test/helpers.ts';
import { seedAward } from '../../../../test/points-fixtures.ts';
import { supportCommunity } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { adjustPoints } from './adjust-points.ts';
import { csvField, exportPointsLedger } from './export-points-ledger.ts';

beforeAll(async () => {
  await testApp();
});

describe('exportPointsLedger', () => {
  it('rejects bad dates', async () => {
    const { community, moderator } = await supportCommunity();
    await expectAppError(
      exportPointsLedger({
        ctx: await ctxFor(moderator.user),
        community: community.id,
        query: { from: 'yesterday' },
      }),
      'validation_failed',
      '/from',
    );
  });

  it('reports unknown communities as not found', async () => {
    const { moderator } = await supportCommunity();
    await expectAppError(
      exportPointsLedger({ ctx: await ctxFor(moderator.user), community: newId(), query: {} }),
      'not_found',
    );
  });

  it('is for staff', async () => {
    const { community, member, expert } = await supportCommunity();
    await expectAppError(
      exportPointsLedger({ ctx: await ctxFor(null), community: community.id, query: {} }),
      'unauthenticated',
    );
    for (const user of [await plainUser(), member.user, expert.user])
      await expectAppError(
        exportPointsLedger({ ctx: await ctxFor(user), community: community.id, query: {} }),
        'forbidden',
      );
  });

  it('writes every entry as CSV, oldest first, with statuses, and defuses spreadsheet formulas', async () => {
    const { community, moderator, member } = await supportCommunity();
    const award = await seedAward(community.id, member.memberId);
    await adjustPoints({
      ctx: await ctxFor(moderator.user),
      community: community.id,
      input: { memberId: member.memberId, points: 7, reason: '=HYPERLINK("x")' },
    });
    const file = await exportPointsLedger({
      ctx: await ctxFor(moderator.user),
      community: community.id,
      query: {},
    });
    const lines = file.csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,created_at,member_id,pseudonym,kind,bucket,points,status,action,reason,parent_id,source_type,source_id,release_at',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`"${award!.id}"`);
    expect(lines[1]).toContain('"award","pending","15","pending","solution.accepted"');
    expect(lines[2]).toContain(`"adjustment","available","7","","","'=HYPERLINK(""x"")"`);
    expect(file.filename).toBe(`points-${community.slug}.csv`);
    expect(csvField(-3)).toBe('"-3"');
  });
});
