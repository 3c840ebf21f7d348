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
  seedTopic,
  supportCommunity,
  topicRow,
  updateTopicRow,
} from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { updateTopic } from './update-topic.ts';

/** A public community with a question asked by `member`. */
async function withTopic() {
  const fixture = await supportCommunity();
  const topic = await seedTopic(fixture.board, fixture.member.memberId, {
    title: 'How do I reset the router?',
    body: 'It blinks **red**.',
  });
  return { ...fixture, topic };
}

async function revisionsOf(topicId: string) {
  const { kernel } = await testApp();
  return kernel.db
    .selectFrom('post_revisions')
    .selectAll()
    .where('target_type', '=', 'topic')
    .where('target_id', '=', topicId)
    .orderBy('created_at')
    .execute();
}

// The kernel migrates once per file: start it before the first test's clock runs.
beforeAll(async () => {
  await testApp();
});

describe('updateTopic', () => {
  it('rejects bad input with the field paths and changes nothing', async () => {
    const { community, member, topic } = await withTopic();
    const ctx = await ctxFor(member.user);
    const cases: [unknown, string][] = [
      [{ title: '' }, '/title'],
      [{ title: '       ' }, '/title'],
      [{ title: 'ab   ' }, '/title'],
      [{ title: 'x'.repeat(201) }, '/title'],
      [{ body: '' }, '/body'],
      [{ body: ' \n\t ' }, '/body'],
      [{ body: 'x'.repeat(1024 * 1024) }, '/body'],
      [{ locked: 'yes' }, '/locked'],
      [{ pinned: 1 }, '/pinned'],
      [{ boardId: '' }, '/boardId'],
      [{ title: 'A fine new title', status: 'published' }, '/status'],
    ];
    for (const [input, path] of cases) {
      await expectAppError(
        updateTopic({ ctx, community: community.slug, topicId: topic.id, input }),
        'validation_failed',
        path,
      );
    }
    const nothing = await expectAppError(
      updateTopic({ ctx, community: community.slug, topicId: topic.id, input: {} }),
      'validation_failed',
    );
    expect(nothing.messageKey).toBe('support.edit.nothingToChange');
    expect(await topicRow(topic.id)).toMatchObject({ title: topic.title, body: topic.body, edited_at: null });
    expect(await revisionsOf(topic.id)).toEqual([]);
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('refuses a board of another community or an unknown one as a validation error', async () => {
    const { community, moderator, topic } = await withTopic();
    const foreign = await supportCommunity();
    const ctx = await ctxFor(moderator.user);
    for (const boardId of [foreign.board.id, newId(), 'no-such-board', foreign.board.slug + '-x']) {
      await expectAppError(
        updateTopic({ ctx, community: community.slug, topicId: topic.id, input: { boardId } }),
        'validation_failed',
        '/boardId',
      );
    }
    expect((await topicRow(topic.id)).board_id).toBe(topic.board_id);
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('reports unknown, foreign, deleted (to members) and unreadable topics as not found', async () => {
    const { community, member, topic } = await withTopic();
    const foreign = await withTopic();
    const gone = await seedTopic(await seedBoard(community.id), member.memberId, { status: 'deleted' });
    const staffTopic = await seedTopic(
      await seedBoard(community.id, { visibility: 'staff' }),
      member.memberId,
    );
    const ctx = await ctxFor(member.user);
    const input = { title: 'Another title here' };
    for (const topicId of ['not-a-uuid', newId(), foreign.topic.id, gone.id, staffTopic.id]) {
      await expectAppError(updateTopic({ ctx, community: community.slug, topicId, input }), 'not_found');
    }
    expect((await topicRow(topic.id)).title).toBe(topic.title);
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('lets only the author or staff edit, and only staff lock, pin or move', async () => {
    const { community, board, member, other, expert, observer, topic } = await withTopic();
    const edit = { title: 'Somebody else’s title' };
    await expectAppError(
      updateTopic({ ctx: await ctxFor(null), community: community.slug, topicId: topic.id, input: edit }),
      'unauthenticated',
    );
    for (const user of [other.user, expert.user, observer.user, await plainUser()]) {
      await expectAppError(
        updateTopic({ ctx: await ctxFor(user), community: community.slug, topicId: topic.id, input: edit }),
        'forbidden',
      );
    }
    const other2 = await seedBoard(community.id);
    for (const input of [
      { locked: true },
      { pinned: true },
      { boardId: other2.id },
      { title: 'Mine, locked', locked: true },
    ]) {
      await expectAppError(
        updateTopic({ ctx: await ctxFor(member.user), community: community.slug, topicId: topic.id, input }),
        'forbidden',
      );
    }
    expect(await topicRow(topic.id)).toMatchObject({
      title: topic.title,
      locked: false,
      pinned: false,
      board_id: board.id,
    });
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('refuses the author on a locked topic with a clear message; staff still edit', async () => {
    const { community, member, moderator, topic } = await withTopic();
    await updateTopicRow(topic.id, { locked: true });
    const error = await expectAppError(
      updateTopic({
        ctx: await ctxFor(member.user),
        community: community.slug,
        topicId: topic.id,
        input: { body: 'Edited while locked' },
      }),
      'forbidden',
    );
    expect(error.messageKey).toBe('support.edit.lockedTopic');
    expect((await topicRow(topic.id)).body).toBe(topic.body);
    const result = await updateTopic({
      ctx: await ctxFor(moderator.user),
      community: community.slug,
      topicId: topic.id,
      input: { body: 'Cleaned up by a moderator' },
    });
    expect(result.bodyHtml).toContain('Cleaned up by a moderator');
  });

  it('lets the author edit: keeps the previous version, renders again, marks it edited', async () => {
    const { community, member, topic } = await withTopic();
    const result = await updateTopic({
      ctx: await ctxFor(member.user),
      community: community.slug,
      topicId: topic.id,
      input: { title: '  How do I reset the router safely?  ', body: 'It blinks *orange* now.' },
    });
    expect(result.title).toBe('How do I reset the router safely?');
    expect(result.bodyHtml).toBe('<p>It blinks <em>orange</em> now.</p>\n');
    expect(result.editedAt).not.toBeNull();
    expect(result.abilities).toMatchObject({ edit: true, delete: true, arrange: false });
    const [revision, ...more] = await revisionsOf(topic.id);
    expect(more).toEqual([]);
    expect(revision).toMatchObject({
      community_id: community.id,
      editor_id: member.memberId,
      title: 'How do I reset the router?',
      body: 'It blinks **red**.',
    });
    expect(await outboxEventsOf(community.id)).toEqual([
      {
        type: 'topic.updated',
        actor: member.user.userId,
        payload: {
          communityId: community.id,
          topicId: topic.id,
          boardId: topic.board_id,
          authorId: member.memberId,
          changed: ['title', 'body'],
        },
      },
    ]);
    // The author's own edit is no staff action.
    expect(await auditRowsOf(community.id)).toEqual([]);

    // The same values again change nothing.
    await updateTopic({
      ctx: await ctxFor(member.user),
      community: community.slug,
      topicId: topic.id,
      input: { title: 'How do I reset the router safely?' },
    });
    expect(await revisionsOf(topic.id)).toHaveLength(1);
    expect(await outboxEventsOf(community.id)).toHaveLength(1);
  });

  it('lets staff lock, pin, move and edit in one call, with events and audit rows', async () => {
    const { community, board, member, moderator, topic } = await withTopic();
    const target = await seedBoard(community.id, { slug: 'hardware', kind: 'discussions' });
    const result = await updateTopic({
      ctx: await ctxFor(moderator.user),
      community: community.slug,
      topicId: topic.id,
      input: { body: 'Fixed the formatting.', locked: true, pinned: true, boardId: 'hardware' },
    });
    expect(result).toMatchObject({ locked: true, pinned: true, boardId: target.id });
    expect(result.board.slug).toBe('hardware');
    expect((await revisionsOf(topic.id))[0]).toMatchObject({ editor_id: moderator.memberId });
    const base = { communityId: community.id, topicId: topic.id, authorId: member.memberId };
    expect(await outboxEventsOf(community.id)).toEqual([
      {
        type: 'topic.updated',
        actor: moderator.user.userId,
        payload: { ...base, boardId: board.id, changed: ['body'] },
      },
      { type: 'topic.locked', actor: moderator.user.userId, payload: { ...base, boardId: board.id } },
      { type: 'topic.pinned', actor: moderator.user.userId, payload: { ...base, boardId: board.id } },
      {
        type: 'topic.moved',
        actor: moderator.user.userId,
        payload: { ...base, boardId: target.id, fromBoardId: board.id },
      },
    ]);
    expect(
      (await auditRowsOf(community.id)).map((r) => [r.action, r.actor_user_id, r.target_type, r.target_id]),
    ).toEqual([
      ['topic.edit', moderator.user.userId, 'topic', topic.id],
      ['topic.lock', moderator.user.userId, 'topic', topic.id],
      ['topic.pin', moderator.user.userId, 'topic', topic.id],
      ['topic.move', moderator.user.userId, 'topic', topic.id],
    ]);
    expect((await auditRowsOf(community.id))[3].data).toEqual({
      fromBoardId: board.id,
      toBoardId: target.id,
    });

    await updateTopic({
      ctx: await ctxFor(moderator.user),
      community: community.slug,
      topicId: topic.id,
      input: { locked: false, pinned: false },
    });
    expect((await outboxEventsOf(community.id)).slice(4).map((e) => e.type)).toEqual([
      'topic.unlocked',
      'topic.unpinned',
    ]);
    expect(await topicRow(topic.id)).toMatchObject({ locked: false, pinned: false, board_id: target.id });
  });

  it('records a platform admin without membership as an editor without pseudonym', async () => {
    const { community, topic } = await withTopic();
    const admin = await plainUser({ platformAdmin: true });
    await updateTopic({
      ctx: await ctxFor(admin),
      community: community.slug,
      topicId: topic.id,
      input: { title: 'Retitled by the platform' },
    });
    expect((await revisionsOf(topic.id))[0]).toMatchObject({ editor_id: null });
    expect((await auditRowsOf(community.id)).map((r) => r.action)).toEqual(['topic.edit']);
  });
});
