import { describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, testApp } from '../../../../test/helpers.ts';
import { seedReply, seedTopic, supportCommunity } from '../../../../test/support-fixtures.ts';
import { REPLIES_PER_PAGE } from '../topic-page.repository.ts';
import { getTopic } from './get-topic.ts';

async function seedReplies(topic: Awaited<ReturnType<typeof seedTopic>>, authorId: string, count: number) {
  const replies = [];
  for (let i = 0; i < count; i++) {
    const at = new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString();
    replies.push(await seedReply(topic, authorId, { created_at: at, body: `Reply ${i + 1}` }));
  }
  return replies;
}

describe('topic pages', () => {
  it('reports a page number that is not a whole number, or past the last page, as not found', async () => {
    const { community, board, member, other } = await supportCommunity();
    const topic = await seedTopic(board, member.memberId);
    await seedReplies(topic, other.memberId, 3);
    const ctx = await ctxFor(null);
    for (const page of [0, -1, 1.5, 2]) {
      await expectAppError(getTopic({ ctx, community: community.id, topicId: topic.id, page }), 'not_found');
    }
    const empty = await seedTopic(board, member.memberId);
    expect((await getTopic({ ctx, community: community.id, topicId: empty.id })).page).toEqual({
      number: 1,
      size: REPLIES_PER_PAGE,
      count: 1,
      totalReplies: 0,
    });
    await expectAppError(getTopic({ ctx, community: community.id, topicId: empty.id, page: 2 }), 'not_found');
  });

  it('pages replies oldest first, and shows accepted solutions on every page', async () => {
    const { community, board, member, other, moderator } = await supportCommunity();
    const topic = await seedTopic(board, member.memberId);
    const replies = await seedReplies(topic, other.memberId, REPLIES_PER_PAGE * 2 + 5);
    const solution = replies[REPLIES_PER_PAGE + 3];
    const { kernel } = await testApp();
    await kernel.db.updateTable('replies').set({ is_solution: true }).where('id', '=', solution.id).execute();
    // A pending reply counts for staff only.
    await seedReply(topic, other.memberId, { status: 'pending', created_at: '2025-06-01T00:00:00Z' });
    const ctx = await ctxFor(null);
    const page = (n: number) => getTopic({ ctx, community: community.id, topicId: topic.id, page: n });

    const first = await page(1);
    expect(first.page).toEqual({ number: 1, size: REPLIES_PER_PAGE, count: 3, totalReplies: 65 });
    expect(first.replies.map((r) => r.id)).toEqual(replies.slice(0, REPLIES_PER_PAGE).map((r) => r.id));
    expect(first.solutions.map((r) => r.id)).toEqual([solution.id]);
    const second = await page(2);
    expect(second.replies.map((r) => r.id)).toEqual(
      replies.slice(REPLIES_PER_PAGE, REPLIES_PER_PAGE * 2).map((r) => r.id),
    );
    expect(second.replies.find((r) => r.id === solution.id)?.isSolution).toBe(true);
    expect(second.solutions.map((r) => r.id)).toEqual([solution.id]);
    const third = await page(3);
    expect(third.replies.map((r) => r.id)).toEqual(replies.slice(REPLIES_PER_PAGE * 2).map((r) => r.id));
    expect(third.solutions.map((r) => r.id)).toEqual([solution.id]);

    const staff = await getTopic({
      ctx: await ctxFor(moderator.user),
      community: community.id,
      topicId: topic.id,
      page: 3,
    });
    expect(staff.page).toMatchObject({ count: 3, totalReplies: 66 });
    expect(staff.replies.map((r) => r.status)).toEqual([...Array<string>(5).fill('published'), 'pending']);
  });
});
