import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, plainUser, testApp } from '../../../../test/helpers.ts';
import { seedAward } from '../../../../test/points-fixtures.ts';
import { supportCommunity } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { listRanks } from './list-ranks.ts';

beforeAll(async () => {
  await testApp();
});

describe('listRanks', () => {
  it('reports unknown communities as not found', async () => {
    const { member } = await supportCommunity();
    await expectAppError(listRanks({ ctx: await ctxFor(member.user), community: newId() }), 'not_found');
  });

  it('is for the community’s active members and platform admins', async () => {
    const { community } = await supportCommunity();
    await expectAppError(listRanks({ ctx: await ctxFor(null), community: community.id }), 'unauthenticated');
    await expectAppError(
      listRanks({ ctx: await ctxFor(await plainUser()), community: community.id }),
      'forbidden',
    );
  });

  it('shows the defaults until the first award writes them, then how many members hold each', async () => {
    const { community, member } = await supportCommunity();
    const ctx = await ctxFor(member.user);
    const before = await listRanks({ ctx, community: community.id });
    expect(before.items.map((r) => [r.id, r.minPoints, r.skipsPremoderation])).toEqual([
      [null, 0, false],
      [null, 25, false],
      [null, 100, true],
      [null, 500, true],
      [null, 2000, true],
    ]);
    await seedAward(community.id, member.memberId);
    const after = await listRanks({ ctx, community: community.id });
    expect(after.items.every((r) => r.id !== null)).toBe(true);
    expect(after.items[0]).toMatchObject({ name: 'Nouveau venu', membersCount: 1 });
  });
});
