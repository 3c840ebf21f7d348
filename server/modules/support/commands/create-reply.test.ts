import { describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, outboxEventsOf, plainUser } from '../../../../test/helpers.ts';
import {
  seedBoard,
  seedReply,
  seedTopic,
  supportCommunity,
  topicRow,
  updateTopicRow,
} from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { createReply } from './create-reply.ts';
import { getTopic } from './get-topic.ts';

const input = { body: 'Hold the reset button for *ten* seconds.' };

/** A public community with a published question asked by `member`. */
async function withQuestion(overrides: Parameters<typeof supportCommunity>[0] = {}) {
  const fixture = await supportCommunity(overrides);
  const topic = await seedTopic(fixture.board, fixture.member.memberId);
  return { ...fixture, topic };
}

describe('createReply', () => {
  it('rejects bad input with the field paths', async () => {
    const { community, topic, other } = await withQuestion();
    const ctx = await ctxFor(other.user);
    const cases: [Record<string, unknown>, string][] = [
      [{ body: '' }, '/body'],
      [{ body: '   \n\t ' }, '/body'],
      [{ body: 'x'.repeat(50_001) }, '/body'],
      [{}, '/body'],
      [{ ...input, inReplyToId: 'not-a-uuid' }, '/inReplyToId'],
      [{ ...input, status: 'published' }, '/status'],
    ];
    for (const [body, path] of cases) {
      await expectAppError(
        createReply({ ctx, community: community.id, topicId: topic.id, input: body }),
        'validation_failed',
        path,
      );
    }
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('refuses to answer a reply of another topic, or an unknown one', async () => {
    const { community, board, topic, other, member } = await withQuestion();
    const elsewhere = await seedReply(await seedTopic(board, member.memberId), other.memberId);
    const ctx = await ctxFor(other.user);
    for (const inReplyToId of [elsewhere.id, newId()]) {
      const error = await expectAppError(
        createReply({ ctx, community: community.id, topicId: topic.id, input: { ...input, inReplyToId } }),
        'validation_failed',
        '/inReplyToId',
      );
      expect(error.fields[0]?.key).toBe('validation.invalidChoice');
    }
    expect((await topicRow(topic.id)).replies_count).toBe(0);
  });

  it('reports unknown topics, another community’s, and topics the member may not read as not found', async () => {
    const { community, topic, board, member, other, moderator } = await withQuestion();
    const foreign = await withQuestion();
    const staffTopic = await seedTopic(
      await seedBoard(community.id, { visibility: 'staff' }),
      moderator.memberId,
    );
    const pendingTopic = await seedTopic(board, member.memberId, { status: 'pending' });
    const ctx = await ctxFor(other.user);
    for (const topicId of ['not-a-uuid', newId(), foreign.topic.id, staffTopic.id, pendingTopic.id]) {
      await expectAppError(createReply({ ctx, community: community.id, topicId, input }), 'not_found');
    }
    await expectAppError(
      createReply({ ctx, community: foreign.community.id, topicId: topic.id, input }),
      'not_found',
    );
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('asks anonymous visitors to sign in; refuses outsiders, observers and even the author of a pending topic', async () => {
    const { community, topic, board, member, observer } = await withQuestion();
    await expectAppError(
      createReply({ ctx: await ctxFor(null), community: community.id, topicId: topic.id, input }),
      'unauthenticated',
    );
    for (const user of [await plainUser(), observer.user, await plainUser({ platformAdmin: true })]) {
      await expectAppError(
        createReply({ ctx: await ctxFor(user), community: community.id, topicId: topic.id, input }),
        'forbidden',
      );
    }
    const pendingTopic = await seedTopic(board, member.memberId, { status: 'pending' });
    await expectAppError(
      createReply({
        ctx: await ctxFor(member.user),
        community: community.id,
        topicId: pendingTopic.id,
        input,
      }),
      'forbidden',
    );
    expect(await outboxEventsOf(community.id)).toEqual([]);
    expect((await topicRow(topic.id)).replies_count).toBe(0);
  });

  it('refuses replies to a locked topic, except from staff', async () => {
    const { community, topic, member, other, expert, moderator } = await withQuestion();
    await updateTopicRow(topic.id, { locked: true });
    for (const user of [member.user, other.user, expert.user]) {
      await expectAppError(
        createReply({ ctx: await ctxFor(user), community: community.id, topicId: topic.id, input }),
        'forbidden',
      );
    }
    expect(await outboxEventsOf(community.id)).toEqual([]);
    const reply = await createReply({
      ctx: await ctxFor(moderator.user),
      community: community.id,
      topicId: topic.id,
      input,
    });
    expect(reply.status).toBe('published');
    expect((await topicRow(topic.id)).replies_count).toBe(1);
  });

  it('publishes a reply, counts it, bumps the topic’s activity and emits reply.created', async () => {
    const { community, topic, member, other } = await withQuestion();
    await updateTopicRow(topic.id, { last_activity_at: '2024-01-01T00:00:00Z' });
    const body = 'See <script>alert(1)</script> and [the manual](https://example.test/manual).';
    const reply = await createReply({
      ctx: await ctxFor(other.user),
      community: community.slug,
      topicId: topic.id,
      input: { body },
    });
    expect(reply).toMatchObject({
      status: 'published',
      isSolution: false,
      kudosCount: 0,
      inReplyToId: null,
      author: { id: other.memberId, role: 'member' },
      abilities: { give: false, acceptSolution: false },
    });
    expect(reply.bodyHtml).not.toContain('<script>');
    expect(reply.bodyHtml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(reply.bodyHtml).toContain(
      '<a href="https://example.test/manual" rel="nofollow ugc noopener">the manual</a>',
    );
    const row = await topicRow(topic.id);
    expect(row.replies_count).toBe(1);
    expect(row.last_activity_at.getTime()).toBeGreaterThan(Date.parse('2024-01-01T00:00:00Z'));
    expect(await outboxEventsOf(community.id)).toEqual([
      {
        type: 'reply.created',
        payload: {
          communityId: community.id,
          topicId: topic.id,
          replyId: reply.id,
          authorId: other.memberId,
          topicAuthorId: member.memberId,
          status: 'published',
        },
        actor: other.user.userId,
      },
    ]);

    const answer = await createReply({
      ctx: await ctxFor(member.user),
      community: community.id,
      topicId: topic.id,
      input: { body: 'Thanks!', inReplyToId: reply.id },
    });
    expect(answer.inReplyToId).toBe(reply.id);
    expect((await topicRow(topic.id)).replies_count).toBe(2);
    const seen = await getTopic({ ctx: await ctxFor(null), community: community.id, topicId: topic.id });
    expect(seen.replies.map((r) => r.id)).toEqual([reply.id, answer.id]);
    expect(seen.repliesCount).toBe(2);
  });

  it('holds a member’s reply in a pre-moderated board as pending without counting it', async () => {
    const { community, member, other, moderator } = await supportCommunity();
    const board = await seedBoard(community.id, { premoderation: true });
    const topic = await seedTopic(board, member.memberId, { last_activity_at: '2024-01-01T00:00:00Z' });
    const pending = await createReply({
      ctx: await ctxFor(other.user),
      community: community.id,
      topicId: topic.id,
      input,
    });
    expect(pending.status).toBe('pending');
    let row = await topicRow(topic.id);
    expect(row.replies_count).toBe(0);
    expect(row.last_activity_at.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    const forMembers = await getTopic({
      ctx: await ctxFor(member.user),
      community: community.id,
      topicId: topic.id,
    });
    expect(forMembers.replies).toEqual([]);
    const staff = await createReply({
      ctx: await ctxFor(moderator.user),
      community: community.id,
      topicId: topic.id,
      input,
    });
    expect(staff.status).toBe('published');
    row = await topicRow(topic.id);
    expect(row.replies_count).toBe(1);
    expect((await outboxEventsOf(community.id)).map((e) => [e.type, e.payload.status])).toEqual([
      ['reply.created', 'pending'],
      ['reply.created', 'published'],
    ]);
  });
});
