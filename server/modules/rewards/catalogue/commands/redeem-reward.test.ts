import { beforeAll, describe, expect, it } from 'vitest';
import { mailsTo } from '../../../../../test/case-fixtures.ts';
import {
  ctxFor,
  expectAppError,
  outboxEventsOf,
  plainUser,
  testApp,
  waitFor,
} from '../../../../../test/helpers.ts';
import {
  givePoints,
  ledgerOf,
  mismatchesOf,
  redemptionRow,
  rewardCommunity,
  rewardRow,
  seedReward,
  seedVoucher,
} from '../../../../../test/reward-fixtures.ts';
import { newId } from '../../../../platform/db/ids.ts';
import { findBalance } from '../../ledger.repository.ts';
import { redeemReward } from './redeem-reward.ts';

beforeAll(() => testApp(), 180_000);

describe('redeemReward', () => {
  it('rejects bad input with the field paths and changes nothing', async () => {
    const { community, member } = await rewardCommunity();
    const gift = await seedReward(community.id);
    await givePoints(community.id, member.memberId, 500);
    const ctx = await ctxFor(member.user);
    const cases: [unknown, string][] = [
      [{ extra: true }, '/extra'],
      [{ shippingAddress: 'x'.repeat(1001) }, '/shippingAddress'],
      [{ idempotencyKey: '' }, '/idempotencyKey'],
      [{}, '/shippingAddress'],
      [{ shippingAddress: '   ' }, '/shippingAddress'],
    ];
    for (const [input, path] of cases) {
      await expectAppError(
        redeemReward({ ctx, community: community.slug, rewardId: gift.id, input }),
        'validation_failed',
        path,
      );
    }
    expect(await outboxEventsOf(community.id)).toEqual([]);
    expect((await findBalance((await testApp()).kernel.db, member.memberId)).available).toBe(500);
  });

  it('reports unknown, foreign and withdrawn rewards as not found', async () => {
    const { community, member } = await rewardCommunity();
    const elsewhere = await rewardCommunity();
    const foreign = await seedReward(elsewhere.community.id);
    const withdrawn = await seedReward(community.id, { active: false });
    const ctx = await ctxFor(member.user);
    for (const rewardId of [newId(), foreign.id, withdrawn.id]) {
      await expectAppError(
        redeemReward({ ctx, community: community.slug, rewardId, input: { shippingAddress: '1 rue' } }),
        'not_found',
      );
    }
  });

  it('refuses visitors, outsiders and staff roles', async () => {
    const { community, moderator, observer, admin } = await rewardCommunity();
    const gift = await seedReward(community.id);
    const input = { shippingAddress: '1 rue de la Paix' };
    await expectAppError(
      redeemReward({ ctx: await ctxFor(null), community: community.slug, rewardId: gift.id, input }),
      'unauthenticated',
    );
    await expectAppError(
      redeemReward({
        ctx: await ctxFor(await plainUser()),
        community: community.slug,
        rewardId: gift.id,
        input,
      }),
      'forbidden',
    );
    for (const person of [moderator, observer, admin]) {
      await givePoints(community.id, person.memberId, 500);
      await expectAppError(
        redeemReward({ ctx: await ctxFor(person.user), community: community.slug, rewardId: gift.id, input }),
        'forbidden',
      );
    }
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toEqual([]);
  });

  it('refuses with a clear reason: over the balance, over the limit, expired, not started, out of stock, not eligible', async () => {
    const { community, member } = await rewardCommunity();
    const ctx = await ctxFor(member.user);
    const input = { shippingAddress: '1 rue de la Paix' };
    const redeem = (rewardId: string) => redeemReward({ ctx, community: community.slug, rewardId, input });
    const day = 86_400_000;
    const cases: [Parameters<typeof seedReward>[1], string][] = [
      [{ cost: 501 }, 'points.error.insufficient'],
      [{ available_until: new Date(Date.now() - day) }, 'rewards.error.ended'],
      [{ available_from: new Date(Date.now() + day) }, 'rewards.error.notStarted'],
      [{ stock: 0 }, 'rewards.error.outOfStock'],
      [{ min_lifetime_points: 1000 }, 'rewards.error.notEligible'],
    ];
    await givePoints(community.id, member.memberId, 500);
    for (const [values, key] of cases) {
      const reward = await seedReward(community.id, values);
      const error = await expectAppError(redeem(reward.id), 'conflict');
      expect(error.messageKey).toBe(key);
    }
    const limited = await seedReward(community.id, { per_member_limit: 1, cost: 10 });
    await redeem(limited.id);
    expect((await expectAppError(redeem(limited.id), 'conflict')).messageKey).toBe(
      'rewards.error.limitReached',
    );
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toEqual(['redemption.requested']);
    expect((await findBalance((await testApp()).kernel.db, member.memberId)).available).toBe(490);
    expect(await mismatchesOf(community.id)).toEqual([]);
  });

  it('reserves a gift’s points, takes its stock and waits for staff; a retried key spends once', async () => {
    const { community, member } = await rewardCommunity();
    const gift = await seedReward(community.id, { cost: 120, stock: 3 });
    await givePoints(community.id, member.memberId, 500);
    const ctx = await ctxFor(member.user);
    const input = { shippingAddress: ' 1 rue de la Paix, Paris ', idempotencyKey: 'form-1' };
    const redemption = await redeemReward({ ctx, community: community.slug, rewardId: gift.id, input });
    expect(redemption).toMatchObject({
      status: 'requested',
      statusLabel: 'Awaiting approval',
      cost: 120,
      shippingAddress: '1 rue de la Paix, Paris',
      code: null,
      reward: { id: gift.id, kind: 'gift' },
      member: { id: member.memberId },
      abilities: { cancel: true, decide: false },
    });
    const again = await redeemReward({ ctx, community: community.slug, rewardId: gift.id, input });
    expect(again.id).toBe(redemption.id);
    expect((await rewardRow(gift.id)).stock).toBe(2);
    expect(await ledgerOf(member.memberId)).toMatchObject([
      { kind: 'adjustment', points: 500 },
      {
        kind: 'redemption',
        points: -120,
        idempotency_key: `redeem:${redemption.id}`,
        redemption_id: redemption.id,
      },
    ]);
    const events = await outboxEventsOf(community.id);
    expect(events.map((e) => e.type)).toEqual(['redemption.requested']);
    expect(events[0].payload).toEqual({
      communityId: community.id,
      redemptionId: redemption.id,
      rewardId: gift.id,
      rewardKind: 'gift',
      memberId: member.memberId,
      cost: 120,
      status: 'requested',
    });
    expect(JSON.stringify(events)).not.toContain('rue de la Paix');
    expect(await mismatchesOf(community.id)).toEqual([]);
    // The member hears that the request waits for staff, in the app and by email.
    const mail = await waitFor(async () => (await mailsTo(member.user.email))[0]);
    expect(mail).toMatchObject({ kind: 'notification.reward' });
    expect(mail.text_body).toContain('/rewards/mine');
  });

  it('hands a voucher its code at once, to the redeemer only, and never the same code twice', async () => {
    const { community, member, other } = await rewardCommunity();
    const voucher = await seedVoucher(community.id, ['CODE-A', 'CODE-B'], { cost: 50 });
    await givePoints(community.id, member.memberId, 200);
    await givePoints(community.id, other.memberId, 200);
    const first = await redeemReward({
      ctx: await ctxFor(member.user),
      community: community.slug,
      rewardId: voucher.id,
      input: {},
    });
    const second = await redeemReward({
      ctx: await ctxFor(other.user),
      community: community.slug,
      rewardId: voucher.id,
      input: {},
    });
    expect(first).toMatchObject({ status: 'fulfilled', shippingAddress: null });
    expect([first.code, second.code].sort()).toEqual(['CODE-A', 'CODE-B']);
    expect((await redemptionRow(first.id)).fulfilled_at).not.toBeNull();
    expect((await rewardRow(voucher.id)).stock).toBe(0);
    const error = await expectAppError(
      redeemReward({
        ctx: await ctxFor(member.user),
        community: community.slug,
        rewardId: voucher.id,
        input: {},
      }),
      'conflict',
    );
    expect(error.messageKey).toBe('rewards.error.outOfStock');
    const events = await outboxEventsOf(community.id);
    expect(events.map((e) => e.type)).toEqual([
      'redemption.requested',
      'redemption.fulfilled',
      'redemption.requested',
      'redemption.fulfilled',
    ]);
    expect(events[0].payload).toMatchObject({ autoApproved: true });
    expect(JSON.stringify(events)).not.toContain('CODE-');
    expect(await mismatchesOf(community.id)).toEqual([]);
  });
});
