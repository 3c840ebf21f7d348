import { describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, plainUser } from '../../../../test/helpers.ts';
import { seedBoard, seedReply, seedTopic, supportCommunity } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { createTopic } from './create-topic.ts';
import { getTopic } from './get-topic.ts';

describe('getTopic', () => {
  it('reports a malformed or unknown id, and another community’s topic, as not found', async () => {
    const { community, member } = await supportCommunity();
    const other = await supportCommunity();
    const foreign = await seedTopic(other.board, other.member.memberId);
    const ctx = await ctxFor(member.user);
    for (const topicId of ['not-a-uuid', newId(), foreign.id]) {
      await expectAppError(getTopic({ ctx, community: community.id, topicId }), 'not_found');
    }
    await expectAppError(getTopic({ ctx, community: newId(), topicId: foreign.id }), 'not_found');
  });

  it('reports topics of boards the viewer may not read as not found', async () => {
    const { community, member, moderator, observer } = await supportCommunity();
    const staffTopic = await seedTopic(
      await seedBoard(community.id, { visibility: 'staff' }),
      moderator.memberId,
    );
    const membersTopic = await seedTopic(
      await seedBoard(community.id, { visibility: 'members' }),
      member.memberId,
    );
    await expectAppError(
      getTopic({ ctx: await ctxFor(member.user), community: community.id, topicId: staffTopic.id }),
      'not_found',
    );
    for (const user of [null, await plainUser()]) {
      await expectAppError(
        getTopic({ ctx: await ctxFor(user), community: community.id, topicId: membersTopic.id }),
        'not_found',
      );
    }
    expect(
      (await getTopic({ ctx: await ctxFor(observer.user), community: community.id, topicId: staffTopic.id }))
        .id,
    ).toBe(staffTopic.id);
    const privateOne = await supportCommunity({ visibility: 'private' });
    const privateTopic = await seedTopic(privateOne.board, privateOne.member.memberId);
    await expectAppError(
      getTopic({ ctx: await ctxFor(null), community: privateOne.community.id, topicId: privateTopic.id }),
      'not_found',
    );
  });

  it('shows a pending topic of a pre-moderated board to its author and staff only', async () => {
    const { community, member, other, observer, moderator, admin } = await supportCommunity();
    const board = await seedBoard(community.id, { premoderation: true });
    const created = await createTopic({
      ctx: await ctxFor(member.user),
      community: community.id,
      board: board.slug,
      input: { title: 'Waiting for approval', body: 'Please approve me.' },
    });
    for (const user of [other.user, observer.user, null, await plainUser()]) {
      await expectAppError(
        getTopic({ ctx: await ctxFor(user), community: community.id, topicId: created.id }),
        'not_found',
      );
    }
    const own = await getTopic({
      ctx: await ctxFor(member.user),
      community: community.id,
      topicId: created.id,
    });
    expect(own).toMatchObject({ id: created.id, status: 'pending' });
    expect(own.abilities).toMatchObject({ view: true, reply: false, moderate: false });
    for (const user of [moderator.user, admin.user, await plainUser({ platformAdmin: true })]) {
      const seen = await getTopic({ ctx: await ctxFor(user), community: community.id, topicId: created.id });
      expect(seen.status).toBe('pending');
      expect(seen.abilities.moderate).toBe(true);
    }
    const hidden = await seedTopic(board, member.memberId, { status: 'hidden' });
    await expectAppError(
      getTopic({ ctx: await ctxFor(member.user), community: community.id, topicId: hidden.id }),
      'not_found',
    );
  });

  it('returns the topic with escaped HTML, its board, its replies in order and solutions first', async () => {
    const { community, board, member, other, expert } = await supportCommunity();
    const topic = await seedTopic(board, member.memberId, {
      body: '<script>alert(1)</script> [docs](https://example.test/docs)',
      replies_count: 3,
      solved: true,
    });
    const first = await seedReply(topic, other.memberId, { created_at: '2024-01-01T00:00:00Z' });
    const second = await seedReply(topic, expert.memberId, {
      created_at: '2024-01-02T00:00:00Z',
      is_solution: true,
    });
    const third = await seedReply(topic, other.memberId, {
      created_at: '2024-01-03T00:00:00Z',
      in_reply_to_id: first.id,
    });
    await seedReply(topic, other.memberId, { created_at: '2024-01-04T00:00:00Z', status: 'pending' });
    await seedReply(topic, other.memberId, { created_at: '2024-01-05T00:00:00Z', status: 'hidden' });

    const seen = await getTopic({ ctx: await ctxFor(null), community: community.slug, topicId: topic.id });
    expect(seen).toMatchObject({
      id: topic.id,
      title: 'A seeded question',
      solved: true,
      repliesCount: 3,
      board: { id: board.id, slug: 'help', title: 'A board', visibility: 'public' },
      author: { id: member.memberId, role: 'member' },
      abilities: { view: true, reply: false, acceptSolution: false, moderate: false, giveKudos: false },
    });
    expect(seen.bodyHtml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(seen.bodyHtml).not.toContain('<script>');
    expect(seen.bodyHtml).toContain(
      '<a href="https://example.test/docs" rel="nofollow ugc noopener">docs</a>',
    );
    expect(seen.replies.map((r) => r.id)).toEqual([first.id, second.id, third.id]);
    expect(seen.solutions.map((r) => r.id)).toEqual([second.id]);
    expect(seen.replies[2]).toEqual({
      id: third.id,
      bodyHtml: '<p>Try turning it off and on again.</p>\n',
      bodyText: 'Try turning it off and on again.',
      status: 'published',
      isSolution: false,
      official: false,
      kudosCount: 0,
      inReplyToId: first.id,
      author: { id: other.memberId, pseudonym: expect.any(String) as unknown, role: 'member', rank: null },
      createdAt: '2024-01-03T00:00:00.000Z',
      editedAt: null,
      bodySource: null,
      images: [],
      abilities: { give: false, acceptSolution: false, edit: false, delete: false, flag: false },
    });
  });

  it('gives each viewer their abilities, and lets staff see pending replies', async () => {
    const { community, board, member, other, observer, moderator } = await supportCommunity();
    const topic = await seedTopic(board, member.memberId, { locked: true });
    const reply = await seedReply(topic, other.memberId);
    const pending = await seedReply(topic, other.memberId, { status: 'pending' });
    const view = async (user: typeof member.user | null) =>
      getTopic({ ctx: await ctxFor(user), community: community.id, topicId: topic.id });

    const asker = await view(member.user);
    const noChanges = { edit: false, delete: false, arrange: false, followMerge: false };
    expect(asker.abilities).toEqual({
      view: true,
      reply: false,
      acceptSolution: true,
      moderate: false,
      giveKudos: false,
      // The topic is locked: its author may no longer change it.
      ...noChanges,
      // The asker may turn the unanswered question into a support case.
      escalate: true,
      workCase: false,
      flag: false,
    });
    expect(asker.replies.map((r) => [r.id, r.abilities])).toEqual([
      [reply.id, { give: true, acceptSolution: true, edit: false, delete: false, flag: true }],
    ]);
    // The author of a pending reply sees it, marked pending; others do not.
    expect((await view(other.user)).replies.map((r) => [r.id, r.status])).toEqual([
      [reply.id, 'published'],
      [pending.id, 'pending'],
    ]);
    const replier = await view(other.user);
    expect(replier.abilities).toEqual({
      view: true,
      reply: false,
      acceptSolution: false,
      moderate: false,
      giveKudos: true,
      ...noChanges,
      escalate: false,
      workCase: false,
      flag: true,
    });
    const untouchable = { give: false, acceptSolution: false, edit: false, delete: false, flag: false };
    expect(replier.replies[0]?.abilities).toEqual(untouchable);
    expect((await view(observer.user)).replies[0]?.abilities).toEqual(untouchable);
    const staff = await view(moderator.user);
    expect(staff.abilities).toEqual({
      view: true,
      reply: true,
      acceptSolution: true,
      moderate: true,
      giveKudos: true,
      edit: true,
      delete: true,
      arrange: true,
      followMerge: false,
      escalate: true,
      workCase: false,
      flag: true,
    });
    expect((await view(observer.user)).abilities).toMatchObject({ reply: false, giveKudos: false });
    expect(staff.replies.map((r) => [r.id, r.status])).toEqual([
      [reply.id, 'published'],
      [pending.id, 'pending'],
    ]);
  });
});
