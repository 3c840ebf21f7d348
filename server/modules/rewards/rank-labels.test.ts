import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, testApp } from '../../../test/helpers.ts';
import { seedNotification } from '../../../test/notification-fixtures.ts';
import { givePoints } from '../../../test/reward-fixtures.ts';
import { seedTopic, supportCommunity } from '../../../test/support-fixtures.ts';
import { transact } from '../../platform/kernel.ts';
import { getMember } from '../members/commands/get-member.ts';
import { listMembers } from '../members/commands/list-members.ts';
import { listModerationQueue } from '../moderation/commands/list-moderation-queue.ts';
import { listNotifications } from '../notifications/commands/list-notifications.ts';
import { searchCommunity } from '../search/commands/search-community.ts';
import { updateRanks } from './commands/update-ranks.ts';
import { rankNamesByPseudonym, rankNamesOf } from './rank-labels.ts';
import { refreshStanding } from './standing.ts';

beforeAll(async () => {
  await testApp();
});

const zero = { minSolutions: 0, minKudos: 0, minTenureDays: 0, skipsPremoderation: false };

/** A community where `other` is a Pro (1,000 points) and everyone else a Newcomer. */
async function rankedCommunity() {
  const fixture = await supportCommunity();
  const { kernel } = await testApp();
  await updateRanks({
    ctx: await ctxFor(fixture.admin.user),
    community: fixture.community.id,
    input: {
      ranks: [
        { ...zero, name: 'Newcomer', minPoints: 0 },
        { ...zero, name: 'Pro', minPoints: 1000 },
      ],
    },
  });
  await givePoints(fixture.community.id, fixture.other.memberId, 1000);
  await transact(kernel, (trx) => refreshStanding(trx, fixture.community.id, [fixture.other.memberId]));
  const { pseudonym } = await kernel.db
    .selectFrom('memberships')
    .select('pseudonym')
    .where('id', '=', fixture.other.memberId)
    .executeTakeFirstOrThrow();
  return { ...fixture, otherPseudonym: pseudonym };
}

describe('ranks next to pseudonyms everywhere', () => {
  it('reads the ranks of a page of members in one lookup, by id or by pseudonym', async () => {
    const { community, member, other, otherPseudonym } = await rankedCommunity();
    const { kernel } = await testApp();
    const names = await rankNamesOf(kernel.db, [member.memberId, other.memberId, other.memberId]);
    expect(Object.fromEntries(names)).toEqual({ [member.memberId]: 'Newcomer', [other.memberId]: 'Pro' });
    const byPseudonym = await rankNamesByPseudonym(kernel.db, [
      { communityId: community.id, pseudonym: otherPseudonym },
      { communityId: community.id, pseudonym: 'nobody-here' },
    ]);
    expect(Object.fromEntries(byPseudonym)).toEqual({ [`${community.id}:${otherPseudonym}`]: 'Pro' });
    expect(await rankNamesOf(kernel.db, [])).toEqual(new Map());
  });

  it('shows the rank on member profiles and the member list, the moderation queue and notifications', async () => {
    const { community, board, member, other, moderator, otherPseudonym } = await rankedCommunity();
    const { kernel } = await testApp();
    const ctx = await ctxFor(moderator.user);
    expect((await getMember({ ctx, community: community.id, memberId: other.memberId })).rank).toBe('Pro');
    const list = await listMembers({ ctx, community: community.id, query: { limit: 100 } });
    expect(list.items.find((m) => m.id === other.memberId)?.rank).toBe('Pro');
    expect(list.items.find((m) => m.id === member.memberId)?.rank).toBe('Newcomer');

    await seedTopic(board, other.memberId, { status: 'pending' });
    const queue = await listModerationQueue({ ctx, community: community.id, query: {} });
    expect(queue.items.map((i) => [i.author.id, i.author.rank])).toEqual([[other.memberId, 'Pro']]);

    const notificationId = await seedNotification(member, community.id);
    await kernel.db
      .updateTable('notifications')
      .set({ actor_pseudonym: otherPseudonym })
      .where('id', '=', notificationId)
      .execute();
    await seedNotification(member, community.id);
    const notifications = await listNotifications({ ctx: await ctxFor(member.user), query: {} });
    expect(notifications.items.map((n) => [n.id === notificationId, n.actorRank])).toEqual([
      [false, null],
      [true, 'Pro'],
    ]);
  });

  it('shows the author’s rank on search results', async () => {
    const { community, board, other } = await rankedCommunity();
    await seedTopic(board, other.memberId, { title: 'Zebra crossing lights stay red' });
    const results = await searchCommunity({
      ctx: await ctxFor(other.user),
      community: community.id,
      query: { q: 'zebra' },
    });
    expect(results.items.map((h) => h.author)).toEqual([
      { pseudonym: expect.any(String) as unknown, rank: 'Pro' },
    ]);
  });
});
