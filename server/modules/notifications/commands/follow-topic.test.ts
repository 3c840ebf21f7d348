import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, outboxEventsOf, plainUser, testApp } from '../../../../test/helpers.ts';
import { seedBoard, seedTopic, supportCommunity } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { followTopic, getTopicFollow } from './follow-topic.ts';

beforeAll(async () => {
  await testApp();
});

async function withQuestion() {
  const fixture = await supportCommunity();
  return { ...fixture, topic: await seedTopic(fixture.board, fixture.member.memberId) };
}

describe('followTopic', () => {
  it('rejects bad input', async () => {
    const { community, topic, other } = await withQuestion();
    const ctx = await ctxFor(other.user);
    for (const [input, path] of [
      [{}, '/following'],
      [{ following: 'yes' }, '/following'],
      [{ following: true, extra: 1 }, '/extra'],
    ] as const) {
      await expectAppError(
        followTopic({ ctx, community: community.id, topicId: topic.id, input }),
        'validation_failed',
        path,
      );
    }
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('reports unknown, foreign, unreadable and pending topics as not found', async () => {
    const { community, board, topic, member, other, moderator } = await withQuestion();
    const foreign = await withQuestion();
    const staffOnly = await seedTopic(
      await seedBoard(community.id, { visibility: 'staff' }),
      moderator.memberId,
    );
    const pending = await seedTopic(board, member.memberId, { status: 'pending' });
    const ctx = await ctxFor(other.user);
    for (const topicId of ['not-a-uuid', newId(), foreign.topic.id, staffOnly.id, pending.id]) {
      await expectAppError(
        followTopic({ ctx, community: community.id, topicId, input: { following: true } }),
        'not_found',
      );
    }
    await expectAppError(
      followTopic({ ctx, community: foreign.community.id, topicId: topic.id, input: { following: true } }),
      'not_found',
    );
  });

  it('asks visitors to sign in and refuses readers who are not active members', async () => {
    const { kernel } = await testApp();
    const { community, topic, other } = await withQuestion();
    const input = { following: true };
    await expectAppError(
      followTopic({ ctx: await ctxFor(null), community: community.id, topicId: topic.id, input }),
      'unauthenticated',
    );
    await expectAppError(
      followTopic({
        ctx: await ctxFor(await plainUser()),
        community: community.id,
        topicId: topic.id,
        input,
      }),
      'forbidden',
    );
    await kernel.db
      .updateTable('memberships')
      .set({ status: 'suspended' })
      .where('id', '=', other.memberId)
      .execute();
    await expectAppError(
      followTopic({ ctx: await ctxFor(other.user), community: community.id, topicId: topic.id, input }),
      'forbidden',
    );
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('follows and unfollows, emitting follow.changed only when the state changes', async () => {
    const { community, topic, member, other, observer } = await withQuestion();
    const ctx = await ctxFor(other.user);
    expect(await getTopicFollow({ ctx, community: community.slug, topicId: topic.id })).toMatchObject({
      following: false,
      canFollow: true,
    });
    const follow = (following: boolean) =>
      followTopic({ ctx, community: community.slug, topicId: topic.id, input: { following } });
    expect(await follow(true)).toEqual({ targetType: 'topic', targetId: topic.id, following: true });
    expect(await follow(true)).toEqual({ targetType: 'topic', targetId: topic.id, following: true });
    expect((await getTopicFollow({ ctx, community: community.slug, topicId: topic.id })).following).toBe(
      true,
    );
    expect(await follow(false)).toMatchObject({ following: false });
    expect(await outboxEventsOf(community.id)).toEqual([
      {
        type: 'follow.changed',
        actor: other.user.userId,
        payload: { memberId: other.memberId, targetType: 'topic', targetId: topic.id, following: true },
      },
      {
        type: 'follow.changed',
        actor: other.user.userId,
        payload: { memberId: other.memberId, targetType: 'topic', targetId: topic.id, following: false },
      },
    ]);
    // The asker follows by default: unfollowing is a change.
    const askerCtx = await ctxFor(member.user);
    expect(
      (await getTopicFollow({ ctx: askerCtx, community: community.id, topicId: topic.id })).following,
    ).toBe(true);
    await followTopic({
      ctx: askerCtx,
      community: community.id,
      topicId: topic.id,
      input: { following: false },
    });
    expect(
      (await getTopicFollow({ ctx: askerCtx, community: community.id, topicId: topic.id })).following,
    ).toBe(false);
    expect((await outboxEventsOf(community.id)).map((e) => [e.actor, e.payload.following])).toEqual([
      [other.user.userId, true],
      [other.user.userId, false],
      [member.user.userId, false],
    ]);
    // Observers watch: they may follow too.
    expect(
      await followTopic({
        ctx: await ctxFor(observer.user),
        community: community.id,
        topicId: topic.id,
        input: { following: true },
      }),
    ).toMatchObject({ following: true });
  });
});
