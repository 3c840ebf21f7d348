import { beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  ctxFor,
  freshCommunity,
  onPostgres,
  plainUser,
  testApp,
} from '../../../../../test/helpers.ts';
import {
  givePoints,
  mismatchesOf,
  rewardRow,
  seedReward,
  seedVoucher,
} from '../../../../../test/reward-fixtures.ts';
import { redeemReward } from './redeem-reward.ts';

beforeAll(() => testApp(), 180_000);

/** A community with `n` members who can each afford `points`. */
async function membersWithPoints(n: number, points: number) {
  const community = await freshCommunity({ visibility: 'private' });
  const members = [];
  for (let i = 0; i < n; i++) {
    const user = await plainUser();
    const memberId = await addMember(community.id, user.userId);
    await givePoints(community.id, memberId, points);
    members.push({ user, memberId });
  }
  return { community, members };
}

/** Every balance of the community: none below zero, each equal to its ledger. */
async function expectExactLedger(communityId: string) {
  const { kernel } = await testApp();
  const balances = await kernel.db
    .selectFrom('points_balances')
    .select(['available', 'pending'])
    .where('community_id', '=', communityId)
    .execute();
  expect(balances.every((b) => b.available >= 0 && b.pending >= 0)).toBe(true);
  expect(await mismatchesOf(communityId)).toEqual([]);
}

async function redeemAll(
  community: { slug: string },
  members: { user: Parameters<typeof ctxFor>[0] }[],
  rewardId: string,
  input: Record<string, unknown>,
) {
  return Promise.allSettled(
    members.map(async (m) =>
      redeemReward({ ctx: await ctxFor(m.user), community: community.slug, rewardId, input }),
    ),
  );
}

describe('redeemReward under concurrency', () => {
  it.runIf(onPostgres)(
    '50 concurrent redemptions of a gift in stock 10: exactly 10 succeed (PostgreSQL)',
    async () => {
      const { community, members } = await membersWithPoints(50, 300);
      const gift = await seedReward(community.id, { cost: 250, stock: 10 });
      const results = await redeemAll(community, members, gift.id, { shippingAddress: '1 rue de la Paix' });
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
      for (const r of results) {
        if (r.status === 'rejected')
          expect(r.reason).toMatchObject({ code: 'conflict', messageKey: 'rewards.error.outOfStock' });
      }
      expect((await rewardRow(gift.id)).stock).toBe(0);
      await expectExactLedger(community.id);
    },
  );

  it.runIf(onPostgres)(
    '50 concurrent redemptions of 10 voucher codes: 10 distinct codes (PostgreSQL)',
    async () => {
      const { community, members } = await membersWithPoints(50, 300);
      const codes = Array.from({ length: 10 }, (_, i) => `RACE-${i}`);
      const voucher = await seedVoucher(community.id, codes, { cost: 250 });
      const results = await redeemAll(community, members, voucher.id, {});
      const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.code] : []));
      expect(won.sort()).toEqual([...codes].sort());
      expect((await rewardRow(voucher.id)).stock).toBe(0);
      await expectExactLedger(community.id);
    },
  );

  it.runIf(onPostgres)('one member racing with one balance never overspends (PostgreSQL)', async () => {
    const { community, members } = await membersWithPoints(1, 1000);
    const gift = await seedReward(community.id, { cost: 300, stock: null });
    const member = members[0];
    const results = await redeemAll(
      community,
      Array.from({ length: 8 }, () => member),
      gift.id,
      { shippingAddress: '1 rue' },
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    await expectExactLedger(community.id);
  });

  it('15 redemptions one after the other of a stock of 10: exactly 10 succeed', async () => {
    const { community, members } = await membersWithPoints(15, 300);
    const gift = await seedReward(community.id, { cost: 250, stock: 10 });
    let succeeded = 0;
    for (const m of members) {
      try {
        await redeemReward({
          ctx: await ctxFor(m.user),
          community: community.slug,
          rewardId: gift.id,
          input: { shippingAddress: '1 rue de la Paix' },
        });
        succeeded++;
      } catch (error) {
        expect(error).toMatchObject({ code: 'conflict', messageKey: 'rewards.error.outOfStock' });
      }
    }
    expect(succeeded).toBe(10);
    expect((await rewardRow(gift.id)).stock).toBe(0);
    await expectExactLedger(community.id);
  });
});
