import { beforeAll, describe, expect, it } from 'vitest';
import { auditRowsOf, ctxFor, expectAppError, outboxEventsOf, testApp } from '../../../../../test/helpers.ts';
import { givePoints, rewardCommunity, seedReward } from '../../../../../test/reward-fixtures.ts';
import { newId } from '../../../../platform/db/ids.ts';
import { decideRedemption } from './decide-redemption.ts';
import { fulfillRedemption } from './fulfill-redemption.ts';
import { redeemReward } from './redeem-reward.ts';

beforeAll(() => testApp(), 180_000);

async function requestedDonation() {
  const fixture = await rewardCommunity();
  const donation = await seedReward(fixture.community.id, {
    kind: 'donation',
    title: 'Plant a tree',
    cost: 100,
  });
  await givePoints(fixture.community.id, fixture.member.memberId, 500);
  const redemption = await redeemReward({
    ctx: await ctxFor(fixture.member.user),
    community: fixture.community.slug,
    rewardId: donation.id,
    input: {},
  });
  return { ...fixture, redemption };
}

describe('fulfillRedemption', () => {
  it('rejects bad input', async () => {
    const { community, admin, redemption } = await requestedDonation();
    const ctx = await ctxFor(admin.user);
    for (const [input, path] of [
      [{ note: 'x'.repeat(1001) }, '/note'],
      [{ shipped: true }, '/shipped'],
    ] as const) {
      await expectAppError(
        fulfillRedemption({ ctx, community: community.slug, redemptionId: redemption.id, input }),
        'validation_failed',
        path,
      );
    }
  });

  it('reports unknown redemptions as not found', async () => {
    const { community, admin } = await requestedDonation();
    await expectAppError(
      fulfillRedemption({
        ctx: await ctxFor(admin.user),
        community: community.slug,
        redemptionId: newId(),
        input: {},
      }),
      'not_found',
    );
  });

  it('refuses members, the redeemer included', async () => {
    const { community, member, expert, redemption } = await requestedDonation();
    for (const person of [member, expert]) {
      await expectAppError(
        fulfillRedemption({
          ctx: await ctxFor(person.user),
          community: community.slug,
          redemptionId: redemption.id,
          input: {},
        }),
        'forbidden',
      );
    }
  });

  it('fulfils an approved redemption only, with its note; emits redemption.fulfilled; audited', async () => {
    const { community, admin, redemption } = await requestedDonation();
    const ctx = await ctxFor(admin.user);
    const early = await expectAppError(
      fulfillRedemption({ ctx, community: community.slug, redemptionId: redemption.id, input: {} }),
      'conflict',
    );
    expect(early.messageKey).toBe('rewards.error.notApproved');
    await decideRedemption({
      ctx,
      community: community.slug,
      redemptionId: redemption.id,
      input: { decision: 'approve' },
    });
    const done = await fulfillRedemption({
      ctx,
      community: community.slug,
      redemptionId: redemption.id,
      input: { note: 'Certificate #42' },
    });
    expect(done).toMatchObject({
      status: 'fulfilled',
      reason: 'Certificate #42',
      abilities: { fulfill: false },
    });
    expect(done.fulfilledAt).not.toBeNull();
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toEqual([
      'redemption.requested',
      'redemption.approved',
      'redemption.fulfilled',
    ]);
    expect((await auditRowsOf(community.id)).map((r) => r.action)).toEqual([
      'redemption.approve',
      'redemption.fulfill',
    ]);
  });
});
