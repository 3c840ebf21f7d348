import { beforeAll, describe, expect, it } from 'vitest';
import {
  testApp,
  ctxFor,
  expectAppError,
  freshCommunity,
  plainUser,
  addMember,
} from '../../../../test/helpers.ts';
import { seedBoard, seedReply, seedTopic, supportCommunity } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { flagContent } from './flag-content.ts';
import { listModerationQueue } from './list-moderation-queue.ts';

/**
 * A community with, in queue order: a pending topic, a pending reply, a hidden topic, a deleted reply and
 * a published reply flagged twice; plus a published reply nobody flagged, and another community's
 * pending topic.
 */
async function withQueue() {
  const fixture = await supportCommunity();
  const { board, member, other, expert, moderator } = fixture;
  const topic = await seedTopic(board, member.memberId, { title: 'Where is the saddle height?' });
  const pendingTopic = await seedTopic(board, other.memberId, {
    status: 'pending',
    title: 'Pending question',
  });
  const pendingReply = await seedReply(topic, other.memberId, {
    status: 'pending',
    body: 'A **pending** reply',
  });
  const hiddenTopic = await seedTopic(board, other.memberId, { status: 'hidden', title: 'Hidden question' });
  const deletedReply = await seedReply(topic, other.memberId, { status: 'deleted' });
  const flagged = await seedReply(topic, other.memberId, { body: 'Buy cheap bikes at example.test' });
  const quiet = await seedReply(topic, expert.memberId);
  for (const [user, reason, note] of [
    [member.user, 'spam', undefined],
    [moderator.user, 'other', 'Link farm'],
  ] as const) {
    await flagContent({
      ctx: await ctxFor(user),
      community: fixture.community.id,
      input: { targetType: 'reply', targetId: flagged.id, reason, ...(note ? { note } : {}) },
    });
  }
  const foreign = await supportCommunity();
  await seedTopic(foreign.board, foreign.member.memberId, { status: 'pending' });
  return { ...fixture, topic, pendingTopic, pendingReply, hiddenTopic, deletedReply, flagged, quiet };
}

// Start the worker's kernel (and its migrations) under the hook timeout, not the first test's.
beforeAll(async () => {
  await testApp();
});

describe('listModerationQueue', () => {
  it('rejects bad input and malformed cursors', async () => {
    const { community, moderator } = await withQueue();
    const ctx = await ctxFor(moderator.user);
    await expectAppError(
      listModerationQueue({ ctx, community: community.id, query: { filter: 'spam' } }),
      'validation_failed',
      '/filter',
    );
    await expectAppError(
      listModerationQueue({ ctx, community: community.id, query: { limit: 0 } }),
      'validation_failed',
      '/limit',
    );
    await expectAppError(
      listModerationQueue({ ctx, community: community.id, query: { cursor: 'not-a-cursor' } }),
      'bad_request',
    );
  });

  it('reports unknown communities, and hidden ones to outsiders, as not found', async () => {
    await expectAppError(
      listModerationQueue({ ctx: await ctxFor(await plainUser()), community: newId(), query: {} }),
      'not_found',
    );
    const hidden = await freshCommunity({ visibility: 'hidden' });
    await expectAppError(
      listModerationQueue({ ctx: await ctxFor(await plainUser()), community: hidden.slug, query: {} }),
      'not_found',
    );
  });

  it('is for moderators and admins only', async () => {
    const { community, member, expert, observer } = await withQueue();
    const foreign = await supportCommunity();
    await expectAppError(
      listModerationQueue({ ctx: await ctxFor(null), community: community.id, query: {} }),
      'unauthenticated',
    );
    for (const user of [await plainUser(), member.user, expert.user, observer.user, foreign.moderator.user]) {
      await expectAppError(
        listModerationQueue({ ctx: await ctxFor(user), community: community.id, query: {} }),
        'forbidden',
      );
    }
    const suspended = await plainUser();
    await addMember(community.id, suspended.userId, 'moderator', 'suspended');
    await expectAppError(
      listModerationQueue({ ctx: await ctxFor(suspended), community: community.id, query: {} }),
      'forbidden',
    );
  });

  it('lists pending, flagged and hidden posts in context, oldest first, by filter', async () => {
    const q = await withQueue();
    const ctx = await ctxFor(q.moderator.user);
    const ids = async (filter?: string) =>
      (
        await listModerationQueue({ ctx, community: q.community.slug, query: filter ? { filter } : {} })
      ).items.map((i) => i.id);
    expect(await ids()).toEqual([q.pendingTopic.id, q.pendingReply.id, q.hiddenTopic.id, q.flagged.id]);
    expect(await ids('pending')).toEqual([q.pendingTopic.id, q.pendingReply.id]);
    expect(await ids('flagged')).toEqual([q.flagged.id]);
    expect(await ids('hidden')).toEqual([q.hiddenTopic.id]);
    expect(await ids('deleted')).toEqual([q.deletedReply.id]);

    const { items } = await listModerationQueue({ ctx, community: q.community.id, query: {} });
    expect(items[1]).toMatchObject({
      targetType: 'reply',
      status: 'pending',
      topic: { id: q.topic.id, title: 'Where is the saddle height?', status: 'published' },
      board: { slug: 'help', title: q.board.title },
      author: { id: q.other.memberId, role: 'member' },
      excerpt: 'A pending reply',
      flagsCount: 0,
      flags: [],
      actions: ['approve', 'hide', 'delete'],
    });
    expect(items[3]).toMatchObject({
      targetType: 'reply',
      status: 'published',
      excerpt: 'Buy cheap bikes at example.test',
      flagsCount: 2,
      reasons: { spam: 1, other: 1 },
      flags: [
        { reason: 'spam', note: null, flagger: `p${q.member.memberId.slice(-10)}` },
        { reason: 'other', note: 'Link farm', flagger: `p${q.moderator.memberId.slice(-10)}` },
      ],
      actions: ['approve', 'hide', 'delete'],
    });
    expect(items[0]).toMatchObject({ targetType: 'topic', topic: { title: 'Pending question' } });
  });

  it('pages through the queue with a cursor', async () => {
    const q = await withQueue();
    const ctx = await ctxFor(q.admin.user);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page++) {
      const result = await listModerationQueue({
        ctx,
        community: q.community.id,
        query: { limit: 3, ...(cursor ? { cursor } : {}) },
      });
      seen.push(...result.items.map((i) => i.id));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    expect(seen).toEqual([q.pendingTopic.id, q.pendingReply.id, q.hiddenTopic.id, q.flagged.id]);
    const platform = await listModerationQueue({
      ctx: await ctxFor(await plainUser({ platformAdmin: true })),
      community: q.community.id,
      query: { filter: 'pending', limit: 1 },
    });
    expect(platform.items.map((i) => i.id)).toEqual([q.pendingTopic.id]);
    expect(platform.nextCursor).toEqual(expect.any(String));
  });

  it('shows a staff-only board’s posts and excludes published, unflagged posts', async () => {
    const q = await withQueue();
    const staffBoard = await seedBoard(q.community.id, { visibility: 'staff', slug: 'team' });
    const staffPending = await seedTopic(staffBoard, q.expert.memberId, { status: 'pending' });
    const items = (
      await listModerationQueue({
        ctx: await ctxFor(q.moderator.user),
        community: q.community.id,
        query: { filter: 'pending' },
      })
    ).items;
    expect(items.map((i) => i.id)).toEqual([q.pendingTopic.id, q.pendingReply.id, staffPending.id]);
    expect(items.some((i) => i.id === q.quiet.id)).toBe(false);
  });
});
