import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, testApp } from '../../../../test/helpers.ts';
import { supportCommunity } from '../../../../test/support-fixtures.ts';
import { listNotifications } from './list-notifications.ts';
import { markNotificationsRead } from './mark-notifications-read.ts';
import { accountEvents, seedNotification } from '../../../../test/notification-fixtures.ts';

beforeAll(async () => {
  await testApp();
});

describe('markNotificationsRead', () => {
  it('rejects bad input: neither ids nor all, both, or malformed ids', async () => {
    const { member } = await supportCommunity();
    const ctx = await ctxFor(member.user);
    await expectAppError(markNotificationsRead({ ctx, input: {} }), 'validation_failed', '/ids');
    await expectAppError(
      markNotificationsRead({ ctx, input: { all: true, ids: [member.memberId] } }),
      'validation_failed',
      '/ids',
    );
    await expectAppError(
      markNotificationsRead({ ctx, input: { ids: ['x'] } }),
      'validation_failed',
      '/ids/0',
    );
    expect(await accountEvents(member.user.userId)).toEqual([]);
  });

  it('asks visitors to sign in', async () => {
    await expectAppError(
      markNotificationsRead({ ctx: await ctxFor(null), input: { all: true } }),
      'unauthenticated',
    );
  });

  it('marks the given notifications of the caller (never another’s), then all, emitting notifications.read', async () => {
    const { community, member, other } = await supportCommunity();
    const mine = await seedNotification(member, community.id);
    await seedNotification(member, community.id);
    const theirs = await seedNotification(other, community.id);
    const ctx = await ctxFor(member.user);
    expect(await markNotificationsRead({ ctx, input: { ids: [mine, theirs] } })).toEqual({ unreadCount: 1 });
    expect((await listNotifications({ ctx: await ctxFor(other.user), query: {} })).unreadCount).toBe(1);
    expect(await markNotificationsRead({ ctx, input: { all: true } })).toEqual({ unreadCount: 0 });
    expect(await markNotificationsRead({ ctx, input: { all: true } })).toEqual({ unreadCount: 0 });
    expect((await listNotifications({ ctx, query: {} })).items.every((n) => n.read)).toBe(true);
    expect(await accountEvents(member.user.userId)).toEqual([
      { type: 'notifications.read', payload: { userId: member.user.userId, count: 1, all: false } },
      { type: 'notifications.read', payload: { userId: member.user.userId, count: 1, all: true } },
    ]);
  });
});
