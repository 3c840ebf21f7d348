import { describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, outboxEventsOf, plainUser, testApp } from '../../../../test/helpers.ts';
import {
  seedBoard,
  seedReply,
  seedTopic,
  supportCommunity,
  topicRow,
} from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { giveKudos } from './give-kudos.ts';

/** A public community with a question by `member` and a reply to it by `other`. */
async function withPosts() {
  const fixture = await supportCommunity();
  const topic = await seedTopic(fixture.board, fixture.member.memberId);
  const reply = await seedReply(topic, fixture.other.memberId);
  return { ...fixture, topic, reply };
}

async function replyKudos(replyId: string) {
  const { kernel } = await testApp();
  const row = await kernel.db
    .selectFrom('replies')
    .select('kudos_count')
    .where('id', '=', replyId)
    .executeTakeFirstOrThrow();
  return row.kudos_count;
}

async function kudosRowsOf(communityId: string) {
  const { kernel } = await testApp();
  return kernel.db
    .selectFrom('kudos')
    .select(['giver_id', 'receiver_id', 'target_type', 'target_id'])
    .where('community_id', '=', communityId)
    .execute();
}

describe('giveKudos', () => {
  it('rejects bad input with the field paths', async () => {
    const { community, topic, expert } = await withPosts();
    const ctx = await ctxFor(expert.user);
    const cases: [Record<string, unknown>, string][] = [
      [{ targetType: 'member', targetId: topic.id }, '/targetType'],
      [{ targetType: 'topic', targetId: 'not-a-uuid' }, '/targetId'],
      [{ targetType: 'topic' }, '/targetId'],
      [{ targetId: topic.id }, '/targetType'],
      [{ targetType: 'topic', targetId: topic.id, amount: 5 }, '/amount'],
    ];
    for (const [input, path] of cases) {
      await expectAppError(giveKudos({ ctx, community: community.id, input }), 'validation_failed', path);
    }
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('reports unknown, foreign, mistyped, pending and unreadable posts as not found', async () => {
    const { community, board, topic, reply, other, moderator, expert } = await withPosts();
    const foreign = await withPosts();
    const pendingTopic = await seedTopic(board, other.memberId, { status: 'pending' });
    const pendingReply = await seedReply(topic, other.memberId, { status: 'pending' });
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
      ['reply', pendingReply.id],
      ['topic', staffTopic.id],
    ];
    for (const [targetType, targetId] of targets) {
      await expectAppError(
        giveKudos({ ctx, community: community.id, input: { targetType, targetId } }),
        'not_found',
      );
    }
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('asks anonymous visitors to sign in; refuses outsiders, observers, platform admins and one’s own posts', async () => {
    const { community, topic, reply, member, other, observer } = await withPosts();
    const onTopic = { targetType: 'topic', targetId: topic.id };
    const onReply = { targetType: 'reply', targetId: reply.id };
    await expectAppError(
      giveKudos({ ctx: await ctxFor(null), community: community.id, input: onTopic }),
      'unauthenticated',
    );
    for (const user of [await plainUser(), observer.user, await plainUser({ platformAdmin: true })]) {
      for (const input of [onTopic, onReply]) {
        await expectAppError(
          giveKudos({ ctx: await ctxFor(user), community: community.id, input }),
          'forbidden',
        );
      }
    }
    await expectAppError(
      giveKudos({ ctx: await ctxFor(member.user), community: community.id, input: onTopic }),
      'forbidden',
    );
    await expectAppError(
      giveKudos({ ctx: await ctxFor(other.user), community: community.id, input: onReply }),
      'forbidden',
    );
    expect(await outboxEventsOf(community.id)).toEqual([]);
    expect(await kudosRowsOf(community.id)).toEqual([]);
  });

  it('gives kudos to a topic and a reply, counts them and emits kudos.given', async () => {
    const { community, topic, reply, member, other, expert } = await withPosts();
    const ctx = await ctxFor(expert.user);
    expect(
      await giveKudos({ ctx, community: community.slug, input: { targetType: 'topic', targetId: topic.id } }),
    ).toEqual({
      targetType: 'topic',
      targetId: topic.id,
      kudosCount: 1,
    });
    expect(
      await giveKudos({ ctx, community: community.id, input: { targetType: 'reply', targetId: reply.id } }),
    ).toEqual({
      targetType: 'reply',
      targetId: reply.id,
      kudosCount: 1,
    });
    const second = await giveKudos({
      ctx: await ctxFor(member.user),
      community: community.id,
      input: { targetType: 'reply', targetId: reply.id },
    });
    expect(second.kudosCount).toBe(2);
    expect((await topicRow(topic.id)).kudos_count).toBe(1);
    expect(await replyKudos(reply.id)).toBe(2);
    const event = (
      targetType: string,
      targetId: string,
      giverId: string,
      receiverId: string,
      actor: string,
    ) => ({
      type: 'kudos.given',
      payload: { communityId: community.id, targetType, targetId, giverId, receiverId },
      actor,
    });
    expect(await outboxEventsOf(community.id)).toEqual([
      event('topic', topic.id, expert.memberId, member.memberId, expert.user.userId),
      event('reply', reply.id, expert.memberId, other.memberId, expert.user.userId),
      event('reply', reply.id, member.memberId, other.memberId, member.user.userId),
    ]);
  });

  it('refuses kudos given twice with conflict, and counts them once', async () => {
    const { community, topic, reply, moderator } = await withPosts();
    const ctx = await ctxFor(moderator.user);
    for (const input of [
      { targetType: 'topic', targetId: topic.id },
      { targetType: 'reply', targetId: reply.id },
    ]) {
      await giveKudos({ ctx, community: community.id, input });
      await expectAppError(giveKudos({ ctx, community: community.id, input }), 'conflict');
    }
    expect((await topicRow(topic.id)).kudos_count).toBe(1);
    expect(await replyKudos(reply.id)).toBe(1);
    expect(await kudosRowsOf(community.id)).toHaveLength(2);
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toEqual(['kudos.given', 'kudos.given']);
  });
});
