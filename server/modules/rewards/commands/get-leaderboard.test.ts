import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, plainUser, testApp } from '../../../../test/helpers.ts';
import { seedAward } from '../../../../test/points-fixtures.ts';
import { seedBoard, seedReply, seedTopic, supportCommunity } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { denyPendingAward } from './deny-pending-award.ts';
import { getLeaderboard, monthStart } from './get-leaderboard.ts';

beforeAll(async () => {
  await testApp();
});

describe('getLeaderboard', () => {
  it('rejects an unknown period', async () => {
    const { community, member } = await supportCommunity();
    await expectAppError(
      getLeaderboard({ ctx: await ctxFor(member.user), community: community.id, query: { period: 'year' } }),
      'validation_failed',
      '/period',
    );
  });

  it('reports unknown communities and boards, and boards the viewer cannot read, as not found', async () => {
    const { community, member } = await supportCommunity();
    const staffBoard = await seedBoard(community.id, { visibility: 'staff' });
    const ctx = await ctxFor(member.user);
    await expectAppError(getLeaderboard({ ctx, community: newId(), query: {} }), 'not_found');
    await expectAppError(
      getLeaderboard({ ctx, community: community.id, query: { board: 'nope' } }),
      'not_found',
    );
    await expectAppError(
      getLeaderboard({ ctx, community: community.id, query: { board: staffBoard.slug } }),
      'not_found',
    );
  });

  it('is for whoever reads the community', async () => {
    const { community } = await supportCommunity({ visibility: 'private' });
    await expectAppError(
      getLeaderboard({ ctx: await ctxFor(null), community: community.id, query: {} }),
      'unauthenticated',
    );
    await expectAppError(
      getLeaderboard({ ctx: await ctxFor(await plainUser()), community: community.id, query: {} }),
      'forbidden',
    );
  });

  it('ranks members by points earned this month or ever, in the community or one board, net of denials', async () => {
    const { community, board, member, other, expert, moderator } = await supportCommunity();
    const elsewhere = await seedBoard(community.id);
    const topic = await seedTopic(board, member.memberId);
    const reply = await seedReply(topic, other.memberId);
    const farTopic = await seedTopic(elsewhere, expert.memberId);
    await seedAward(community.id, other.memberId, { sourceId: reply.id });
    await seedAward(community.id, member.memberId, {
      action: 'topic.posted',
      sourceType: 'topic',
      sourceId: topic.id,
    });
    await seedAward(community.id, expert.memberId, {
      action: 'topic.posted',
      sourceType: 'topic',
      sourceId: farTopic.id,
    });
    const denied = await seedAward(community.id, expert.memberId, {
      action: 'kudos.received',
      sourceType: 'topic',
      sourceId: farTopic.id,
    });
    await denyPendingAward({
      ctx: await ctxFor(moderator.user),
      community: community.id,
      awardId: denied!.id,
      input: { reason: 'No' },
    });
    const ctx = await ctxFor(null);
    const month = await getLeaderboard({ ctx, community: community.slug, query: {} });
    expect(month.period).toBe('month');
    expect(month.since).toBe(monthStart().toISOString());
    // Ties are ordered by pseudonym; the expert's denied kudos count for nothing.
    expect(month.items.map((i) => [i.position, i.points])).toEqual([
      [1, 15],
      [2, 1],
      [3, 1],
    ]);
    expect(month.items[0].memberId).toBe(other.memberId);
    expect(
      month.items
        .slice(1)
        .map((i) => i.memberId)
        .sort(),
    ).toEqual([member.memberId, expert.memberId].sort());
    const perBoard = await getLeaderboard({
      ctx,
      community: community.id,
      query: { period: 'all', board: board.slug },
    });
    expect(perBoard.board).toEqual({ slug: board.slug, title: board.title });
    expect(perBoard.items.map((i) => i.memberId)).toEqual([other.memberId, member.memberId]);
    expect(perBoard.items[0].rank).toBe('Nouveau venu');
  });
});
