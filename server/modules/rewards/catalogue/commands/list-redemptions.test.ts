import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, plainUser, testApp } from '../../../../../test/helpers.ts';
import { givePoints, rewardCommunity, seedReward, seedVoucher } from '../../../../../test/reward-fixtures.ts';
import { listMyRedemptions, listRedemptions } from './list-redemptions.ts';
import { redeemReward } from './redeem-reward.ts';

beforeAll(() => testApp(), 180_000);

async function withRedemptions() {
  const fixture = await rewardCommunity();
  const { community, member, other } = fixture;
  const gift = await seedReward(community.id, { cost: 10 });
  const voucher = await seedVoucher(community.id, ['SECRET-1'], { cost: 10 });
  await givePoints(community.id, member.memberId, 100);
  await givePoints(community.id, other.memberId, 100);
  const redeem = async (person: typeof member, rewardId: string) =>
    redeemReward({
      ctx: await ctxFor(person.user),
      community: community.slug,
      rewardId,
      input: { shippingAddress: 'Here' },
    });
  const a = await redeem(member, gift.id);
  const b = await redeem(member, voucher.id);
  const c = await redeem(other, gift.id);
  return { ...fixture, ids: [a.id, b.id, c.id] };
}

describe('listRedemptions and listMyRedemptions', () => {
  it('rejects bad input', async () => {
    const { community, admin } = await withRedemptions();
    await expectAppError(
      listRedemptions({
        ctx: await ctxFor(admin.user),
        community: community.slug,
        query: { status: 'lost' },
      }),
      'validation_failed',
      '/status',
    );
  });

  it('reports an unknown community as not found', async () => {
    const { admin } = await withRedemptions();
    await expectAppError(
      listRedemptions({ ctx: await ctxFor(admin.user), community: 'no-such', query: {} }),
      'not_found',
    );
  });

  it('keeps the queue to managers and one’s own list to members', async () => {
    const { community, member, observer } = await withRedemptions();
    for (const person of [member, observer]) {
      await expectAppError(
        listRedemptions({ ctx: await ctxFor(person.user), community: community.slug, query: {} }),
        'forbidden',
      );
    }
    await expectAppError(
      listMyRedemptions({
        ctx: await ctxFor(await plainUser({ platformAdmin: true })),
        community: community.slug,
        query: {},
      }),
      'forbidden',
    );
  });

  it('shows staff the queue oldest first without codes, and each member their own newest first with codes', async () => {
    const { community, admin, member, other, ids } = await withRedemptions();
    const queue = await listRedemptions({
      ctx: await ctxFor(admin.user),
      community: community.slug,
      query: {},
    });
    expect(queue.items.map((r) => r.id)).toEqual(ids);
    expect(queue.items.every((r) => r.code === null)).toBe(true);
    const waiting = await listRedemptions({
      ctx: await ctxFor(admin.user),
      community: community.slug,
      query: { status: 'requested', limit: 1 },
    });
    expect(waiting.items.map((r) => r.id)).toEqual([ids[0]]);
    const rest = await listRedemptions({
      ctx: await ctxFor(admin.user),
      community: community.slug,
      query: { status: 'requested', limit: 1, cursor: waiting.nextCursor },
    });
    expect(rest.items.map((r) => r.id)).toEqual([ids[2]]);
    const mine = await listMyRedemptions({
      ctx: await ctxFor(member.user),
      community: community.slug,
      query: {},
    });
    expect(mine.items.map((r) => [r.id, r.code])).toEqual([
      [ids[1], 'SECRET-1'],
      [ids[0], null],
    ]);
    const theirs = await listMyRedemptions({
      ctx: await ctxFor(other.user),
      community: community.slug,
      query: {},
    });
    expect(theirs.items.map((r) => r.id)).toEqual([ids[2]]);
  });
});
