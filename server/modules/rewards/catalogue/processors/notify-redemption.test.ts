import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, testApp } from '../../../../../test/helpers.ts';
import { givePoints, rewardCommunity, seedReward, seedVoucher } from '../../../../../test/reward-fixtures.ts';
import type { StoredEvent } from '../../../../platform/events/outbox.ts';
import { transact } from '../../../../platform/kernel.ts';
import { updateEmailPreferences } from '../../../notifications/commands/email-preferences.ts';
import { listNotifications } from '../../../notifications/commands/list-notifications.ts';
import { decideRedemption } from '../commands/decide-redemption.ts';
import { redeemReward } from '../commands/redeem-reward.ts';
import { notifyRedemption } from './notify-redemption.ts';

beforeAll(() => testApp(), 180_000);

async function settle() {
  await (await testApp()).kernel.dispatcher.kick();
}

async function mailsTo(email: string) {
  const { kernel } = await testApp();
  return kernel.db
    .selectFrom('mail_messages')
    .selectAll()
    .where('to_address', '=', email)
    .orderBy('id')
    .execute();
}

describe('redemption notifications', () => {
  it('tells the member each step in the app and by email, in their language, with the unsubscribe link', async () => {
    const { community, member, admin } = await rewardCommunity();
    const gift = await seedReward(community.id, { title: 'Mug', cost: 100 });
    await givePoints(community.id, member.memberId, 300);
    const ctx = await ctxFor(member.user);
    const redemption = await redeemReward({
      ctx,
      community: community.slug,
      rewardId: gift.id,
      input: { shippingAddress: '1 rue de la Paix' },
    });
    await decideRedemption({
      ctx: await ctxFor(admin.user),
      community: community.slug,
      redemptionId: redemption.id,
      input: { decision: 'reject', reason: 'Sold out' },
    });
    await settle();
    const page = await listNotifications({ ctx, query: {} });
    expect(page.unreadCount).toBe(2);
    expect(page.items.map((n) => [n.kind, n.linkPath, n.params])).toEqual([
      [
        'reward',
        `/c/${community.slug}/rewards/mine`,
        { step: 'rejected', title: 'Mug', cost: 100, reason: 'Sold out' },
      ],
      [
        'reward',
        `/c/${community.slug}/rewards/mine`,
        { step: 'requested', title: 'Mug', cost: 100, reason: '' },
      ],
    ]);
    expect(page.items[0]).toMatchObject({ topicId: null, actorPseudonym: null });
    const mails = await mailsTo(member.user.email);
    expect(mails.map((m) => [m.kind, m.locale])).toEqual([
      ['notification.reward', 'fr'],
      ['notification.reward', 'fr'],
    ]);
    expect(mails[1].subject).toBe('Refusée : « Mug »');
    expect(mails[1].text_body).toContain('Sold out');
    expect(mails[1].text_body).toContain('/unsubscribe/');
    expect(mails[1].headers).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
  });

  it('keeps a voucher to one notification, emails nobody who turned reward emails off, and never twice', async () => {
    const { community, member } = await rewardCommunity();
    const voucher = await seedVoucher(community.id, ['ONE'], { title: 'Voucher', cost: 10 });
    await givePoints(community.id, member.memberId, 100);
    const ctx = await ctxFor(member.user);
    await updateEmailPreferences({ ctx, input: { reward: false } });
    await redeemReward({ ctx, community: community.slug, rewardId: voucher.id, input: {} });
    await settle();
    const page = await listNotifications({ ctx, query: {} });
    expect(page.items.map((n) => n.params?.step)).toEqual(['fulfilled']);
    expect(await mailsTo(member.user.email)).toEqual([]);
    // A replayed event writes nothing more.
    const { kernel } = await testApp();
    const stored = await kernel.db
      .selectFrom('outbox_events')
      .selectAll()
      .where('community_id', '=', community.id)
      .where('type', '=', 'redemption.fulfilled')
      .executeTakeFirstOrThrow();
    const event: StoredEvent = {
      id: stored.id,
      type: stored.type,
      communityId: stored.community_id,
      actorUserId: stored.actor_user_id,
      payload: stored.payload as Record<string, unknown>,
      createdAt: stored.created_at,
    };
    await transact(kernel, (trx) => notifyRedemption(kernel, event, trx));
    expect((await listNotifications({ ctx, query: {} })).items).toHaveLength(1);
  });
});
