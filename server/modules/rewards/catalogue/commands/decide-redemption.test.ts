import { beforeAll, describe, expect, it } from 'vitest';
import { mailsTo } from '../../../../../test/case-fixtures.ts';
import {
  auditRowsOf,
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
  rewardCommunity,
  rewardRow,
  seedReward,
} from '../../../../../test/reward-fixtures.ts';
import { newId } from '../../../../platform/db/ids.ts';
import { findBalance } from '../../ledger.repository.ts';
import { decideRedemption } from './decide-redemption.ts';
import { redeemReward } from './redeem-reward.ts';

beforeAll(() => testApp(), 180_000);

async function requested(stock: number | null = 5) {
  const fixture = await rewardCommunity();
  const gift = await seedReward(fixture.community.id, { cost: 200, stock });
  await givePoints(fixture.community.id, fixture.member.memberId, 500);
  const redemption = await redeemReward({
    ctx: await ctxFor(fixture.member.user),
    community: fixture.community.slug,
    rewardId: gift.id,
    input: { shippingAddress: '1 rue de la Paix' },
  });
  return { ...fixture, gift, redemption };
}

const eventTypes = async (communityId: string) => (await outboxEventsOf(communityId)).map((e) => e.type);

describe('decideRedemption', () => {
  it('rejects bad input: an unknown decision, a rejection without a reason', async () => {
    const { community, admin, redemption } = await requested();
    const ctx = await ctxFor(admin.user);
    const cases: [unknown, string][] = [
      [{}, '/decision'],
      [{ decision: 'maybe' }, '/decision'],
      [{ decision: 'reject' }, '/reason'],
      [{ decision: 'reject', reason: '  ' }, '/reason'],
      [{ decision: 'reject', reason: 'x'.repeat(1001) }, '/reason'],
    ];
    for (const [input, path] of cases) {
      await expectAppError(
        decideRedemption({ ctx, community: community.slug, redemptionId: redemption.id, input }),
        'validation_failed',
        path,
      );
    }
    expect(await eventTypes(community.id)).toEqual(['redemption.requested']);
  });

  it('reports unknown and foreign redemptions as not found', async () => {
    const { community, admin } = await requested();
    const elsewhere = await requested();
    for (const redemptionId of ['nope', newId(), elsewhere.redemption.id]) {
      await expectAppError(
        decideRedemption({
          ctx: await ctxFor(admin.user),
          community: community.slug,
          redemptionId,
          input: { decision: 'approve' },
        }),
        'not_found',
      );
    }
  });

  it('refuses the redeemer, other members, observers and outsiders', async () => {
    const { community, member, other, observer, redemption } = await requested();
    for (const person of [member, other, observer, { user: await plainUser() }]) {
      await expectAppError(
        decideRedemption({
          ctx: await ctxFor(person.user),
          community: community.slug,
          redemptionId: redemption.id,
          input: { decision: 'approve' },
        }),
        'forbidden',
      );
    }
    expect(await eventTypes(community.id)).toEqual(['redemption.requested']);
  });

  it('approves, then refuses to decide twice; emits redemption.approved, notifies, audits', async () => {
    const { community, moderator, member, redemption } = await requested();
    const ctx = await ctxFor(moderator.user);
    const approved = await decideRedemption({
      ctx,
      community: community.slug,
      redemptionId: redemption.id,
      input: { decision: 'approve' },
    });
    expect(approved).toMatchObject({ status: 'approved', code: null, abilities: { fulfill: true } });
    expect(approved.decidedAt).not.toBeNull();
    const error = await expectAppError(
      decideRedemption({
        ctx,
        community: community.slug,
        redemptionId: redemption.id,
        input: { decision: 'approve' },
      }),
      'conflict',
    );
    expect(error.messageKey).toBe('rewards.error.alreadyDecided');
    expect(await eventTypes(community.id)).toEqual(['redemption.requested', 'redemption.approved']);
    expect((await auditRowsOf(community.id)).map((r) => [r.action, r.target_id])).toEqual([
      ['redemption.approve', redemption.id],
    ]);
    await waitFor(async () => (await mailsTo(member.user.email)).length === 2);
    expect((await mailsTo(member.user.email)).map((m) => m.subject)).toEqual([
      'Votre demande de récompense : « A tote bag »',
      'Validée : « A tote bag »',
    ]);
  });

  it('rejects with a reason: the points and the stock come back, once', async () => {
    const { community, admin, member, gift, redemption } = await requested(5);
    const { kernel } = await testApp();
    expect((await findBalance(kernel.db, member.memberId)).available).toBe(300);
    const rejected = await decideRedemption({
      ctx: await ctxFor(admin.user),
      community: community.slug,
      redemptionId: redemption.id,
      input: { decision: 'reject', reason: ' Out of this colour. ' },
    });
    expect(rejected).toMatchObject({ status: 'rejected', reason: 'Out of this colour.' });
    expect((await findBalance(kernel.db, member.memberId)).available).toBe(500);
    expect((await rewardRow(gift.id)).stock).toBe(5);
    const ledger = await ledgerOf(member.memberId);
    expect(ledger.map((e) => [e.kind, e.points])).toEqual([
      ['adjustment', 500],
      ['redemption', -200],
      ['refund', 200],
    ]);
    expect(ledger[2]).toMatchObject({ parent_id: ledger[1].id, idempotency_key: `refund:${redemption.id}` });
    await expectAppError(
      decideRedemption({
        ctx: await ctxFor(admin.user),
        community: community.slug,
        redemptionId: redemption.id,
        input: { decision: 'reject', reason: 'Again' },
      }),
      'conflict',
    );
    const events = await outboxEventsOf(community.id);
    expect(events.map((e) => e.type)).toEqual(['redemption.requested', 'redemption.rejected']);
    expect(events[1].payload).toMatchObject({ status: 'rejected', memberId: member.memberId });
    expect((await auditRowsOf(community.id))[0]).toMatchObject({
      action: 'redemption.reject',
      data: { reason: 'Out of this colour.', from: 'requested', to: 'rejected' },
    });
    expect(await mismatchesOf(community.id)).toEqual([]);
    const mail = await waitFor(async () =>
      (await mailsTo(member.user.email)).find((m) => m.subject.startsWith('Refusée')),
    );
    expect(mail.text_body).toContain('Out of this colour.');
  });
});
