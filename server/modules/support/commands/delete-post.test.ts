import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditRowsOf,
  ctxFor,
  expectAppError,
  outboxEventsOf,
  plainUser,
  testApp,
} from '../../../../test/helpers.ts';
import {
  seedBoard,
  seedReply,
  seedTopic,
  supportCommunity,
  topicRow,
  updateTopicRow,
} from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { deletePost } from './delete-post.ts';
import { getTopic } from './get-topic.ts';

/** A public community with a solved question by `member`: a solution by `other`, a reply by `expert`. */
async function withThread() {
  const fixture = await supportCommunity();
  const topic = await seedTopic(fixture.board, fixture.member.memberId, { replies_count: 2, solved: true });
  const solution = await seedReply(topic, fixture.other.memberId, { is_solution: true });
  const reply = await seedReply(topic, fixture.expert.memberId);
  return { ...fixture, topic, solution, reply };
}

async function statusOf(table: 'topics' | 'replies', id: string) {
  const { kernel } = await testApp();
  return (await kernel.db.selectFrom(table).select('status').where('id', '=', id).executeTakeFirstOrThrow())
    .status;
}

// The kernel migrates once per file: start it before the first test's clock runs.
beforeAll(async () => {
  await testApp();
});

describe('deletePost', () => {
  it('reports unknown, foreign and unreadable posts as not found', async () => {
    const { community, member, topic } = await withThread();
    const foreign = await withThread();
    const staffTopic = await seedTopic(
      await seedBoard(community.id, { visibility: 'staff' }),
      member.memberId,
    );
    const ctx = await ctxFor(member.user);
    for (const target of [
      { type: 'topic' as const, id: 'not-a-uuid' },
      { type: 'topic' as const, id: newId() },
      { type: 'topic' as const, id: foreign.topic.id },
      { type: 'topic' as const, id: staffTopic.id },
      { type: 'reply' as const, id: newId() },
      { type: 'reply' as const, id: foreign.reply.id },
      { type: 'reply' as const, id: topic.id },
    ]) {
      await expectAppError(deletePost({ ctx, community: community.slug, target }), 'not_found');
    }
    expect(await outboxEventsOf(community.id)).toEqual([]);
    expect(await statusOf('topics', foreign.topic.id)).toBe('published');
  });

  it('lets neither strangers nor other members delete, nor authors in a locked topic', async () => {
    const { community, member, other, observer, expert, topic, solution } = await withThread();
    const anonymous = await ctxFor(null);
    await expectAppError(
      deletePost({ ctx: anonymous, community: community.slug, target: { type: 'topic', id: topic.id } }),
      'unauthenticated',
    );
    for (const user of [other.user, observer.user, expert.user, await plainUser()]) {
      await expectAppError(
        deletePost({
          ctx: await ctxFor(user),
          community: community.slug,
          target: { type: 'topic', id: topic.id },
        }),
        'forbidden',
      );
    }
    for (const user of [member.user, observer.user, expert.user]) {
      await expectAppError(
        deletePost({
          ctx: await ctxFor(user),
          community: community.slug,
          target: { type: 'reply', id: solution.id },
        }),
        'forbidden',
      );
    }
    await updateTopicRow(topic.id, { locked: true });
    const locked = await expectAppError(
      deletePost({
        ctx: await ctxFor(other.user),
        community: community.slug,
        target: { type: 'reply', id: solution.id },
      }),
      'forbidden',
    );
    expect(locked.messageKey).toBe('support.edit.lockedTopic');
    expect(await statusOf('replies', solution.id)).toBe('published');
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('refuses the author a topic others replied to, with a clear message', async () => {
    const { community, member, topic } = await withThread();
    const error = await expectAppError(
      deletePost({
        ctx: await ctxFor(member.user),
        community: community.slug,
        target: { type: 'topic', id: topic.id },
      }),
      'forbidden',
    );
    expect(error.messageKey).toBe('support.delete.hasReplies');
    expect(await statusOf('topics', topic.id)).toBe('published');
  });

  it('deletes a solution reply: counters and solved flag follow, members no longer see it', async () => {
    const { community, other, member, moderator, topic, solution } = await withThread();
    await deletePost({
      ctx: await ctxFor(other.user),
      community: community.slug,
      target: { type: 'reply', id: solution.id },
    });
    expect(await statusOf('replies', solution.id)).toBe('deleted');
    expect(await topicRow(topic.id)).toMatchObject({ replies_count: 1, solved: false });
    expect(await outboxEventsOf(community.id)).toEqual([
      {
        type: 'reply.deleted',
        actor: other.user.userId,
        payload: {
          communityId: community.id,
          topicId: topic.id,
          replyId: solution.id,
          authorId: other.memberId,
          wasSolution: true,
        },
      },
    ]);
    expect(await auditRowsOf(community.id)).toEqual([]);
    const seen = await getTopic({
      ctx: await ctxFor(member.user),
      community: community.slug,
      topicId: topic.id,
    });
    expect(seen.replies.map((r) => r.id)).not.toContain(solution.id);
    expect(seen.solutions).toEqual([]);
    // A second delete (only staff still see the reply) changes nothing.
    await deletePost({
      ctx: await ctxFor(moderator.user),
      community: community.slug,
      target: { type: 'reply', id: solution.id },
    });
    await expectAppError(
      deletePost({
        ctx: await ctxFor(other.user),
        community: community.slug,
        target: { type: 'reply', id: solution.id },
      }),
      'not_found',
    );
    expect(await outboxEventsOf(community.id)).toHaveLength(1);
    expect(await topicRow(topic.id)).toMatchObject({ replies_count: 1, solved: false });
  });

  it('keeps a topic solved while another solution stands', async () => {
    const { community, moderator, topic, reply, solution } = await withThread();
    const { kernel } = await testApp();
    await kernel.db.updateTable('replies').set({ is_solution: true }).where('id', '=', reply.id).execute();
    await deletePost({
      ctx: await ctxFor(moderator.user),
      community: community.slug,
      target: { type: 'reply', id: solution.id },
    });
    expect(await topicRow(topic.id)).toMatchObject({ replies_count: 1, solved: true });
    expect(await auditRowsOf(community.id)).toMatchObject([
      {
        action: 'reply.delete',
        actor_user_id: moderator.user.userId,
        target_type: 'reply',
        target_id: solution.id,
      },
    ]);
  });

  it('lets the author delete a topic without replies; staff delete any; members then get 404', async () => {
    const { community, board, member, other, moderator, topic } = await withThread();
    const lonely = await seedTopic(board, member.memberId);
    expect(
      await deletePost({
        ctx: await ctxFor(member.user),
        community: community.slug,
        target: { type: 'topic', id: lonely.id },
      }),
    ).toEqual({ targetType: 'topic', id: lonely.id, status: 'deleted' });
    await deletePost({
      ctx: await ctxFor(moderator.user),
      community: community.slug,
      target: { type: 'topic', id: topic.id },
    });
    expect(await statusOf('topics', lonely.id)).toBe('deleted');
    expect(await statusOf('topics', topic.id)).toBe('deleted');
    const base = { communityId: community.id, boardId: board.id, authorId: member.memberId };
    expect(await outboxEventsOf(community.id)).toEqual([
      { type: 'topic.deleted', actor: member.user.userId, payload: { ...base, topicId: lonely.id } },
      { type: 'topic.deleted', actor: moderator.user.userId, payload: { ...base, topicId: topic.id } },
    ]);
    expect(await auditRowsOf(community.id)).toMatchObject([
      {
        action: 'topic.delete',
        actor_user_id: moderator.user.userId,
        target_type: 'topic',
        target_id: topic.id,
      },
    ]);
    for (const user of [member.user, other.user]) {
      await expectAppError(
        getTopic({ ctx: await ctxFor(user), community: community.slug, topicId: topic.id }),
        'not_found',
      );
    }
    const staffView = await getTopic({
      ctx: await ctxFor(moderator.user),
      community: community.slug,
      topicId: topic.id,
    });
    expect(staffView.status).toBe('deleted');
    expect(staffView.abilities).toMatchObject({ edit: false, delete: false, arrange: false });
  });
});
