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
} from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { getTopic } from './get-topic.ts';
import { giveKudos } from './give-kudos.ts';
import { mergeTopic } from './merge-topic.ts';

/**
 * A public community with two questions by `member`: the source (a solution by `other`, a reply by
 * `expert`, kudos from `other`) and the target (one reply by `other`).
 */
async function withTwoTopics() {
  const fixture = await supportCommunity();
  const source = await seedTopic(fixture.board, fixture.member.memberId, {
    title: 'Router blinks red',
    body: 'Mine blinks **red** too.',
    replies_count: 2,
    solved: true,
    created_at: '2024-02-01T00:00:00Z',
    last_activity_at: '2024-03-01T00:00:00Z',
  });
  const solution = await seedReply(source, fixture.other.memberId, { is_solution: true });
  const reply = await seedReply(source, fixture.expert.memberId);
  const target = await seedTopic(fixture.board, fixture.member.memberId, {
    title: 'Red light on the router',
    replies_count: 1,
    last_activity_at: '2024-01-01T00:00:00Z',
  });
  const targetReply = await seedReply(target, fixture.other.memberId);
  await giveKudos({
    ctx: await ctxFor(fixture.other.user),
    community: fixture.community.slug,
    input: { targetType: 'topic', targetId: source.id },
  });
  const { kernel } = await testApp();
  await kernel.db.deleteFrom('outbox_events').where('community_id', '=', fixture.community.id).execute();
  return { ...fixture, source, solution, reply, target, targetReply };
}

async function repliesOf(topicId: string) {
  const { kernel } = await testApp();
  return kernel.db
    .selectFrom('replies')
    .select(['id', 'author_id', 'body', 'is_solution', 'status', 'kudos_count', 'created_at'])
    .where('topic_id', '=', topicId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

// The kernel migrates once per file: start it before the first test's clock runs.
beforeAll(async () => {
  await testApp();
});

describe('mergeTopic', () => {
  it('rejects bad input, the topic itself, and targets unknown, foreign or deleted', async () => {
    const { community, board, moderator, member, source } = await withTwoTopics();
    const foreign = await withTwoTopics();
    const deleted = await seedTopic(board, member.memberId, { status: 'deleted' });
    const ctx = await ctxFor(moderator.user);
    const cases: [unknown, string][] = [
      [{}, '/targetTopicId'],
      [{ targetTopicId: 'https://example.test/c/x/t/123' }, '/targetTopicId'],
      [{ targetTopicId: source.id, extra: 1 }, '/extra'],
      [{ targetTopicId: source.id }, '/targetTopicId'],
      [{ targetTopicId: newId() }, '/targetTopicId'],
      [{ targetTopicId: foreign.target.id }, '/targetTopicId'],
      [{ targetTopicId: deleted.id }, '/targetTopicId'],
    ];
    for (const [input, path] of cases) {
      await expectAppError(
        mergeTopic({ ctx, community: community.slug, topicId: source.id, input }),
        'validation_failed',
        path,
      );
    }
    expect((await topicRow(source.id)).status).toBe('published');
    expect((await topicRow(foreign.target.id)).replies_count).toBe(1);
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('reports unknown, foreign and unreadable sources as not found', async () => {
    const { community, moderator, member, target } = await withTwoTopics();
    const foreign = await withTwoTopics();
    const staffOnly = await seedTopic(
      await seedBoard(community.id, { visibility: 'staff' }),
      member.memberId,
    );
    const input = { targetTopicId: target.id };
    for (const topicId of ['x', newId(), foreign.source.id]) {
      await expectAppError(
        mergeTopic({ ctx: await ctxFor(moderator.user), community: community.slug, topicId, input }),
        'not_found',
      );
    }
    await expectAppError(
      mergeTopic({ ctx: await ctxFor(member.user), community: community.slug, topicId: staffOnly.id, input }),
      'not_found',
    );
  });

  it('lets only staff merge', async () => {
    const { community, member, other, expert, observer, source, target } = await withTwoTopics();
    const input = { targetTopicId: target.id };
    await expectAppError(
      mergeTopic({ ctx: await ctxFor(null), community: community.slug, topicId: source.id, input }),
      'unauthenticated',
    );
    for (const user of [member.user, other.user, expert.user, observer.user, await plainUser()]) {
      await expectAppError(
        mergeTopic({ ctx: await ctxFor(user), community: community.slug, topicId: source.id, input }),
        'forbidden',
      );
    }
    expect((await topicRow(source.id)).status).toBe('published');
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('moves every post into the target, recounts both, and points the source at the target', async () => {
    const { community, board, member, other, moderator, source, solution, reply, target, targetReply } =
      await withTwoTopics();
    const earlier = await seedTopic(board, member.memberId, { status: 'deleted', merged_into_id: source.id });
    const result = await mergeTopic({
      ctx: await ctxFor(moderator.user),
      community: community.slug,
      topicId: source.id,
      input: { targetTopicId: target.id },
    });
    expect(result).toMatchObject({ id: target.id, repliesCount: 4, solved: true });

    const moved = await repliesOf(target.id);
    expect(moved).toHaveLength(4);
    const opening = moved.find((r) => ![solution.id, reply.id, targetReply.id].includes(r.id))!;
    expect(opening).toMatchObject({
      author_id: member.memberId,
      body: 'Mine blinks **red** too.',
      status: 'published',
      kudos_count: 1,
      is_solution: false,
    });
    expect(opening.created_at.toISOString()).toBe('2024-02-01T00:00:00.000Z');
    expect(moved.find((r) => r.id === solution.id)!.is_solution).toBe(true);
    expect(await repliesOf(source.id)).toEqual([]);

    expect(await topicRow(source.id)).toMatchObject({
      status: 'deleted',
      merged_into_id: target.id,
      replies_count: 0,
      solved: false,
      kudos_count: 0,
    });
    const targetAfter = await topicRow(target.id);
    expect(targetAfter).toMatchObject({ replies_count: 4, solved: true });
    expect(targetAfter.last_activity_at.toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect((await topicRow(earlier.id)).merged_into_id).toBe(target.id);

    const { kernel } = await testApp();
    expect(
      await kernel.db
        .selectFrom('kudos')
        .select(['target_type', 'target_id'])
        .where('giver_id', '=', other.memberId)
        .execute(),
    ).toEqual([{ target_type: 'reply', target_id: opening.id }]);

    expect(await outboxEventsOf(community.id)).toEqual([
      {
        type: 'topic.merged',
        actor: moderator.user.userId,
        payload: {
          communityId: community.id,
          topicId: source.id,
          boardId: board.id,
          authorId: member.memberId,
          targetTopicId: target.id,
          targetBoardId: board.id,
          openingReplyId: opening.id,
          movedReplies: 2,
        },
      },
    ]);
    expect(await auditRowsOf(community.id)).toMatchObject([
      {
        action: 'topic.merge',
        actor_user_id: moderator.user.userId,
        target_type: 'topic',
        target_id: source.id,
        data: { targetTopicId: target.id, openingReplyId: opening.id, movedReplies: 2 },
      },
    ]);

    // Readers of the board are pointed at the target; nobody may act on the merged topic any more.
    const seen = await getTopic({
      ctx: await ctxFor(other.user),
      community: community.slug,
      topicId: source.id,
    });
    expect(seen).toMatchObject({ mergedIntoId: target.id, status: 'deleted', replies: [] });
    expect(seen.abilities).toMatchObject({ view: false, reply: false, edit: false, giveKudos: false });
    await expectAppError(
      mergeTopic({
        ctx: await ctxFor(moderator.user),
        community: community.slug,
        topicId: source.id,
        input: { targetTopicId: target.id },
      }),
      'forbidden',
    );
  });

  it('drops solution marks when merging into a discussion', async () => {
    const { community, board, member, moderator, source, solution } = await withTwoTopics();
    const discussion = await seedTopic(board, member.memberId, { kind: 'discussion' });
    const result = await mergeTopic({
      ctx: await ctxFor(moderator.user),
      community: community.slug,
      topicId: source.id,
      input: { targetTopicId: discussion.id },
    });
    expect(result).toMatchObject({ repliesCount: 3, solved: false });
    expect((await repliesOf(discussion.id)).find((r) => r.id === solution.id)!.is_solution).toBe(false);
  });
});
