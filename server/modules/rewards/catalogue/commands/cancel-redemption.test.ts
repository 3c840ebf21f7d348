import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, outboxEventsOf, testApp } from '../../../../../test/helpers.ts';
import {
  givePoints,
  ledgerOf,
  mismatchesOf,
  rewardCommunity,
  rewardRow,
  seedReward,
} from '../../../../../test/reward-fixtures.ts';
import { newId } from '../../../../platform/db/ids.ts';
import { findBalance } from '../../ledger.repository.ts';
import { cancelRedemption } from './cancel-redemption.ts';
import { decideRedemption } from './decide-redemption.ts';
import { redeemReward } from './redeem-reward.ts';

beforeAll(() => testApp(), 180_000);

async function requestedGift() {
  const fixture = await rewardCommunity();
  const gift = await seedReward(fixture.community.id, { cost: 100, stock: 2 });
  await givePoints(fixture.community.id, fixture.member.memberId, 300);
  const redemption = await redeemReward({
    ctx: await ctxFor(fixture.member.user),
    community: fixture.community.slug,
    rewardId: gift.id,
    input: { shippingAddress: '2 place du Marché' },
  });
  return { ...fixture, gift, redemption };
}

describe('cancelRedemption', () => {
  it('rejects bad input', async () => {
    const { community, member, redemption } = await requestedGift();
    await expectAppError(
      cancelRedemption({
        ctx: await ctxFor(member.user),
        community: community.slug,
        redemptionId: redemption.id,
        input: { now: true },
      }),
      'validation_failed',
      '/now',
    );
  });

  it('reports unknown redemptions as not found', async () => {
    const { community, member } = await requestedGift();
    await expectAppError(
      cancelRedemption({
        ctx: await ctxFor(member.user),
        community: community.slug,
        redemptionId: newId(),
        input: {},
      }),
      'not_found',
    );
  });

  it('refuses anyone but the redeemer, staff included', async () => {
    const { community, other, admin, redemption } = await requestedGift();
    for (const person of [other, admin]) {
      await expectAppError(
        cancelRedemption({
          ctx: await ctxFor(person.user),
          community: community.slug,
          redemptionId: redemption.id,
          input: {},
        }),
        'forbidden',
      );
    }
  });

  it('cancels a waiting request: points and stock back; a decided one cannot be cancelled', async () => {
    const { community, member, admin, gift, redemption } = await requestedGift();
    const ctx = await ctxFor(member.user);
    const cancelled = await cancelRedemption({
      ctx,
      community: community.slug,
      redemptionId: redemption.id,
      input: {},
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', abilities: { cancel: false } });
    const { kernel } = await testApp();
    expect((await findBalance(kernel.db, member.memberId)).available).toBe(300);
    expect((await rewardRow(gift.id)).stock).toBe(2);
    expect((await ledgerOf(member.memberId)).map((e) => e.kind)).toEqual([
      'adjustment',
      'redemption',
      'refund',
    ]);
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toEqual([
      'redemption.requested',
      'redemption.cancelled',
    ]);
    const second = await redeemReward({
      ctx,
      community: community.slug,
      rewardId: gift.id,
      input: { shippingAddress: '2 place du Marché' },
    });
    await decideRedemption({
      ctx: await ctxFor(admin.user),
      community: community.slug,
      redemptionId: second.id,
      input: { decision: 'approve' },
    });
    const error = await expectAppError(
      cancelRedemption({ ctx, community: community.slug, redemptionId: second.id, input: {} }),
      'conflict',
    );
    expect(error.messageKey).toBe('rewards.error.alreadyDecided');
    expect(await mismatchesOf(community.id)).toEqual([]);
  });
});
