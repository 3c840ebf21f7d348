import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, outboxEventsOf, plainUser, testApp } from '../../../../test/helpers.ts';
import { seedBoard, seedReply, seedTopic, supportCommunity } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { flagContent } from './flag-content.ts';

/** A public community with a question by `member` and a reply to it by `other`. */
async function withPosts() {
  const fixture = await supportCommunity();
  const topic = await seedTopic(fixture.board, fixture.member.memberId);
  const reply = await seedReply(topic, fixture.other.memberId);
  return { ...fixture, topic, reply };
}

async function flagRowsOf(communityId: string) {
  const { kernel } = await testApp();
  return kernel.db
    .selectFrom('flags')
    .select(['target_type', 'target_id', 'topic_id', 'flagger_id', 'reason', 'note', 'status'])
    .where('community_id', '=', communityId)
    .orderBy('id')
    .execute();
}

// Start the worker's kernel (and its migrations) under the hook timeout, not the first test's.
beforeAll(async () => {
  await testApp();
});

describe('flagContent', () => {
  it('rejects bad input with the field paths, and “other” without a note', async () => {
    const { community, topic, expert } = await withPosts();
    const ctx = await ctxFor(expert.user);
    const cases: [Record<string, unknown>, string][] = [
      [{ targetType: 'member', targetId: topic.id, reason: 'spam' }, '/targetType'],
      [{ targetType: 'topic', targetId: 'nope', reason: 'spam' }, '/targetId'],
      [{ targetType: 'topic', targetId: topic.id, reason: 'boring' }, '/reason'],
      [{ targetType: 'topic', targetId: topic.id }, '/reason'],
      [{ targetType: 'topic', targetId: topic.id, reason: 'spam', note: 'x'.repeat(501) }, '/note'],
      [{ targetType: 'topic', targetId: topic.id, reason: 'spam', weight: 3 }, '/weight'],
      [{ targetType: 'topic', targetId: topic.id, reason: 'other' }, '/note'],
      [{ targetType: 'topic', targetId: topic.id, reason: 'other', note: '   ' }, '/note'],
    ];
    for (const [input, path] of cases) {
      await expectAppError(flagContent({ ctx, community: community.id, input }), 'validation_failed', path);
    }
    expect(await flagRowsOf(community.id)).toEqual([]);
  });

  it('reports unknown, foreign, mistyped, unpublished and unreadable posts as not found', async () => {
    const { community, board, topic, reply, other, moderator, expert } = await withPosts();
    const foreign = await withPosts();
    const pendingTopic = await seedTopic(board, other.memberId, { status: 'pending' });
    const hiddenReply = await seedReply(topic, other.memberId, { status: 'hidden' });
    const staffTopic = await seedTopic(
      await seedBoard(community.id, { visibility: 'staff' }),
      moderator.memberId,
    );
    const ctx = await ctxFor(expert.user);
    const targets: ['topic' | 'reply', string][] = [
      ['topic', newId()],
      ['reply', newId()],
      ['topic', foreign.topic.id],
      ['reply', foreign.reply.id],
      ['topic', reply.id],
      ['reply', topic.id],
      ['topic', pendingTopic.id],
      ['reply', hiddenReply.id],
      ['topic', staffTopic.id],
    ];
    for (const [targetType, targetId] of targets) {
      await expectAppError(
        flagContent({ ctx, community: community.id, input: { targetType, targetId, reason: 'spam' } }),
        'not_found',
      );
    }
    await expectAppError(
      flagContent({
        ctx,
        community: newId(),
        input: { targetType: 'topic', targetId: topic.id, reason: 'spam' },
      }),
      'not_found',
    );
    expect(await flagRowsOf(community.id)).toEqual([]);
  });

  it('asks anonymous visitors to sign in; refuses outsiders, observers, platform admins, one’s own post and hidden topics', async () => {
    const { community, board, topic, reply, member, other, observer, moderator } = await withPosts();
    const onTopic = { targetType: 'topic', targetId: topic.id, reason: 'spam' };
    const onReply = { targetType: 'reply', targetId: reply.id, reason: 'offensive' };
    await expectAppError(
      flagContent({ ctx: await ctxFor(null), community: community.id, input: onTopic }),
      'unauthenticated',
    );
    for (const user of [await plainUser(), observer.user, await plainUser({ platformAdmin: true })]) {
      for (const input of [onTopic, onReply]) {
        await expectAppError(
          flagContent({ ctx: await ctxFor(user), community: community.id, input }),
          'forbidden',
        );
      }
    }
    await expectAppError(
      flagContent({ ctx: await ctxFor(member.user), community: community.id, input: onTopic }),
      'forbidden',
    );
    await expectAppError(
      flagContent({ ctx: await ctxFor(other.user), community: community.id, input: onReply }),
      'forbidden',
    );
    // Staff read a hidden topic, but there is nothing left to report in it.
    const hidden = await seedTopic(board, member.memberId, { status: 'hidden' });
    await expectAppError(
      flagContent({
        ctx: await ctxFor(moderator.user),
        community: community.id,
        input: { targetType: 'topic', targetId: hidden.id, reason: 'spam' },
      }),
      'forbidden',
    );
    expect(await flagRowsOf(community.id)).toEqual([]);
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('records flags on a topic and a reply and emits content.flagged', async () => {
    const { community, topic, reply, member, other, expert } = await withPosts();
    const flagged = await flagContent({
      ctx: await ctxFor(expert.user),
      community: community.slug,
      input: { targetType: 'topic', targetId: topic.id, reason: 'off_topic' },
    });
    expect(flagged).toEqual({
      id: expect.any(String) as unknown,
      targetType: 'topic',
      targetId: topic.id,
      reason: 'off_topic',
      status: 'open',
      createdAt: expect.any(String) as unknown,
    });
    await flagContent({
      ctx: await ctxFor(member.user),
      community: community.id,
      input: { targetType: 'reply', targetId: reply.id, reason: 'other', note: '  Shares a phone number  ' },
    });
    expect(await flagRowsOf(community.id)).toEqual([
      {
        target_type: 'topic',
        target_id: topic.id,
        topic_id: topic.id,
        flagger_id: expert.memberId,
        reason: 'off_topic',
        note: null,
        status: 'open',
      },
      {
        target_type: 'reply',
        target_id: reply.id,
        topic_id: topic.id,
        flagger_id: member.memberId,
        reason: 'other',
        note: 'Shares a phone number',
        status: 'open',
      },
    ]);
    const events = await outboxEventsOf(community.id);
    expect(events).toEqual([
      {
        type: 'content.flagged',
        actor: expert.user.userId,
        payload: {
          communityId: community.id,
          flagId: flagged.id,
          targetType: 'topic',
          targetId: topic.id,
          topicId: topic.id,
          authorId: member.memberId,
          flaggerId: expert.memberId,
          reason: 'off_topic',
        },
      },
      expect.objectContaining({
        type: 'content.flagged',
        actor: member.user.userId,
        payload: expect.objectContaining({ targetType: 'reply', authorId: other.memberId }) as unknown,
      }),
    ]);
  });

  it('refuses a second open flag by the same member with conflict', async () => {
    const { community, reply, expert, moderator } = await withPosts();
    const input = { targetType: 'reply', targetId: reply.id, reason: 'spam' };
    await flagContent({ ctx: await ctxFor(expert.user), community: community.id, input });
    await expectAppError(
      flagContent({
        ctx: await ctxFor(expert.user),
        community: community.id,
        input: { ...input, reason: 'offensive' },
      }),
      'conflict',
    );
    await flagContent({ ctx: await ctxFor(moderator.user), community: community.id, input });
    expect(await flagRowsOf(community.id)).toHaveLength(2);
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toEqual([
      'content.flagged',
      'content.flagged',
    ]);
  });
});
