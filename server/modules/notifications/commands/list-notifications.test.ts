import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, testApp } from '../../../../test/helpers.ts';
import { seedTopic, supportCommunity } from '../../../../test/support-fixtures.ts';
import { listNotifications } from './list-notifications.ts';
import { seedNotification } from '../../../../test/notification-fixtures.ts';

beforeAll(async () => {
  await testApp();
});

describe('listNotifications', () => {
  it('rejects bad input and malformed cursors', async () => {
    const { member } = await supportCommunity();
    const ctx = await ctxFor(member.user);
    await expectAppError(listNotifications({ ctx, query: { limit: 0 } }), 'validation_failed', '/limit');
    await expectAppError(listNotifications({ ctx, query: { cursor: 'garbage' } }), 'bad_request');
  });

  it('asks visitors to sign in', async () => {
    await expectAppError(listNotifications({ ctx: await ctxFor(null), query: {} }), 'unauthenticated');
  });

  it('lists only the caller’s notifications across communities, newest first, page by page, with the unread count', async () => {
    const { community, board, member, other } = await supportCommunity();
    const second = await supportCommunity();
    const topic = await seedTopic(board, other.memberId, { title: 'Where is the manual?' });
    const base = Date.now() - 60_000;
    const oldest = await seedNotification(member, community.id, {
      topicId: topic.id,
      createdAt: new Date(base),
    });
    const middle = await seedNotification(member, community.id, {
      kind: 'mention',
      createdAt: new Date(base + 1000),
    });
    await seedNotification(other, community.id);
    // The same account in another community.
    const elsewhere = { user: member.user, memberId: second.member.memberId };
    await (
      await testApp()
    ).kernel.db
      .updateTable('memberships')
      .set({ user_id: member.user.userId })
      .where('id', '=', second.member.memberId)
      .execute();
    const newest = await seedNotification(elsewhere, second.community.id, {
      createdAt: new Date(base + 2000),
    });

    const ctx = await ctxFor(member.user);
    const first = await listNotifications({ ctx, query: { limit: 2 } });
    expect(first.items.map((n) => n.id)).toEqual([newest, middle]);
    expect(first.items[0].community.slug).toBe(second.community.slug);
    expect(first.unreadCount).toBe(3);
    const rest = await listNotifications({ ctx, query: { limit: 2, cursor: first.nextCursor! } });
    expect(rest.items.map((n) => n.id)).toEqual([oldest]);
    expect(rest.items[0]).toMatchObject({
      kind: 'reply',
      topicId: topic.id,
      topicTitle: 'Where is the manual?',
      read: false,
    });
    expect(rest.nextCursor).toBeNull();
  });

  it('pages through notifications that share a millisecond (PostgreSQL keeps microseconds)', async () => {
    const { community, member } = await supportCommunity();
    const ms = '2026-11-30T10:00:00.123';
    const ids = [];
    for (const us of ['100', '400', '700', '900']) {
      ids.push(await seedNotification(member, community.id, { createdAt: `${ms}${us}Z` }));
    }
    const ctx = await ctxFor(member.user);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listNotifications({ ctx, query: cursor ? { limit: 1, cursor } : { limit: 1 } });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });
});
