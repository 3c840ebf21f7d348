import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, plainUser, testApp } from '../../../../../test/helpers.ts';
import { givePoints, rewardCommunity, seedReward } from '../../../../../test/reward-fixtures.ts';
import { listRewards } from './list-rewards.ts';

beforeAll(() => testApp(), 180_000);

describe('listRewards', () => {
  it('rejects bad input and malformed cursors', async () => {
    const { community, member } = await rewardCommunity();
    const ctx = await ctxFor(member.user);
    await expectAppError(
      listRewards({ ctx, community: community.slug, query: { limit: 0 } }),
      'validation_failed',
      '/limit',
    );
    await expectAppError(
      listRewards({ ctx, community: community.slug, query: { cursor: 'nope' } }),
      'bad_request',
    );
  });

  it('reports an unknown community as not found', async () => {
    const { member } = await rewardCommunity();
    await expectAppError(
      listRewards({ ctx: await ctxFor(member.user), community: 'no-such', query: {} }),
      'not_found',
    );
  });

  it('refuses outsiders of a private community, and inactive rewards to members', async () => {
    const { community, member } = await rewardCommunity();
    await expectAppError(
      listRewards({ ctx: await ctxFor(null), community: community.slug, query: {} }),
      'unauthenticated',
    );
    await expectAppError(
      listRewards({ ctx: await ctxFor(await plainUser()), community: community.slug, query: {} }),
      'forbidden',
    );
    await expectAppError(
      listRewards({
        ctx: await ctxFor(member.user),
        community: community.slug,
        query: { includeInactive: true },
      }),
      'forbidden',
    );
  });

  it('lists active rewards cheapest first, paged, with the balance and why each is out of reach', async () => {
    const { community, member, admin } = await rewardCommunity();
    const cheap = await seedReward(community.id, { cost: 50, title: 'Sticker' });
    const dear = await seedReward(community.id, { cost: 900, title: 'Jacket' });
    const gone = await seedReward(community.id, { cost: 60, stock: 0, title: 'Cap' });
    await seedReward(community.id, { cost: 10, active: false });
    await givePoints(community.id, member.memberId, 100);
    const ctx = await ctxFor(member.user);
    const first = await listRewards({ ctx, community: community.slug, query: { limit: 2 } });
    expect(first.items.map((r) => [r.id, r.unavailableReason])).toEqual([
      [cheap.id, null],
      [gone.id, 'outOfStock'],
    ]);
    expect(first.balance).toEqual({ pending: 0, available: 100, lifetime: 100 });
    expect(first.abilities).toMatchObject({ redeemRewards: true, manageRewards: false });
    const second = await listRewards({
      ctx,
      community: community.slug,
      query: { limit: 2, cursor: first.nextCursor },
    });
    expect(second.items.map((r) => [r.id, r.unavailableReason])).toEqual([[dear.id, 'insufficient']]);
    expect(second.nextCursor).toBeNull();
    const staff = await listRewards({
      ctx: await ctxFor(admin.user),
      community: community.slug,
      query: { includeInactive: true },
    });
    expect(staff.items).toHaveLength(4);
    expect(staff.items.every((r) => r.unavailableReason === null)).toBe(true);
    expect(staff.abilities).toMatchObject({ redeemRewards: false, manageRewards: true });
  });
});
