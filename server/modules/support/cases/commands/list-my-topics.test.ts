import { beforeAll, describe, expect, it } from 'vitest';
import { caseCommunity, seedCase } from '../../../../../test/case-fixtures.ts';
import { addMember, ctxFor, expectAppError, plainUser, testApp } from '../../../../../test/helpers.ts';
import { seedTopic } from '../../../../../test/support-fixtures.ts';
import { listMyTopics } from './list-my-topics.ts';

// Migrating the test database can be slow on a busy machine: do it before the first test's clock starts.
beforeAll(() => testApp(), 180_000);

describe('listMyTopics', () => {
  it('rejects bad input and malformed cursors', async () => {
    const { community, member } = await caseCommunity();
    const ctx = await ctxFor(member.user);
    await expectAppError(
      listMyTopics({ ctx, community: community.slug, query: { limit: 0 } }),
      'validation_failed',
      '/limit',
    );
    await expectAppError(
      listMyTopics({ ctx, community: community.slug, query: { cursor: 'x' } }),
      'bad_request',
    );
  });

  it('reports unknown communities as not found and refuses non-members and pending members', async () => {
    const { community, member } = await caseCommunity();
    await expectAppError(
      listMyTopics({ ctx: await ctxFor(member.user), community: 'c-nowhere', query: {} }),
      'not_found',
    );
    await expectAppError(
      listMyTopics({ ctx: await ctxFor(null), community: community.slug, query: {} }),
      'unauthenticated',
    );
    await expectAppError(
      listMyTopics({ ctx: await ctxFor(await plainUser()), community: community.slug, query: {} }),
      'forbidden',
    );
    const pending = await plainUser();
    await addMember(community.id, pending.userId, 'member', 'pending');
    await expectAppError(
      listMyTopics({ ctx: await ctxFor(pending), community: community.slug, query: {} }),
      'forbidden',
    );
  });

  it('lists only the caller’s own topics, newest first, with solved state and case status', async () => {
    const { community, board, member, other, topic } = await caseCommunity();
    await seedCase(topic, { status: 'waiting_for_member', opened_at: '2024-01-02T00:00:00Z' });
    await updateCreated(topic.id, '2024-01-01T00:00:00Z');
    const solved = await seedTopic(board, member.memberId, {
      solved: true,
      created_at: '2024-02-01T00:00:00Z',
    });
    await seedTopic(board, member.memberId, { status: 'hidden', created_at: '2024-03-01T00:00:00Z' });
    await seedTopic(board, other.memberId);
    const ctx = await ctxFor(member.user);
    const first = await listMyTopics({ ctx, community: community.slug, query: { limit: 1 } });
    expect(first.items.map((i) => [i.id, i.solved, i.case])).toEqual([[solved.id, true, null]]);
    const next = await listMyTopics({
      ctx,
      community: community.slug,
      query: { limit: 1, cursor: first.nextCursor! },
    });
    expect(next.items).toHaveLength(1);
    expect(next.items[0]).toMatchObject({
      id: topic.id,
      solved: false,
      case: { status: 'waiting_for_member', statusLabel: 'Waiting for the member’s reply' },
    });
    expect(next.nextCursor).toBeNull();
  });
});

async function updateCreated(topicId: string, createdAt: string) {
  const { kernel } = await testApp();
  await kernel.db.updateTable('topics').set({ created_at: createdAt }).where('id', '=', topicId).execute();
}
