import { describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, plainUser } from '../../../../test/helpers.ts';
import { seedBoard, seedTopic, supportCommunity } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { encodeCursor } from '../../../platform/http/pagination.ts';
import { createTopic } from './create-topic.ts';
import { listTopics } from './list-topics.ts';

const ids = (page: { items: { id: string }[] }) => page.items.map((t) => t.id);
/** Descending byte order (what PostgreSQL does for fixed-width ISO times and UUIDs). */
const desc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

describe('listTopics', () => {
  it('refuses a malformed or forged cursor with bad_request', async () => {
    const { community, member } = await supportCommunity();
    const ctx = await ctxFor(member.user);
    for (const cursor of [
      'not-a-cursor',
      encodeCursor(['false', newId()]),
      encodeCursor(['false', 'yesterday', newId()]),
      encodeCursor(['false', '2024-01-01T00:00:00.000000Z', "1' OR '1'='1"]),
    ]) {
      await expectAppError(
        listTopics({ ctx, community: community.id, board: 'help', query: { cursor } }),
        'bad_request',
      );
    }
  });

  it('reports unknown boards, another community’s board and unreadable boards as not found', async () => {
    const { community, member } = await supportCommunity();
    const other = await supportCommunity();
    const staffBoard = await seedBoard(community.id, { visibility: 'staff' });
    const membersBoard = await seedBoard(community.id, { visibility: 'members' });
    const ctx = await ctxFor(member.user);
    for (const board of [newId(), 'no-such-board', other.board.id, staffBoard.id, staffBoard.slug]) {
      await expectAppError(listTopics({ ctx, community: community.id, board, query: {} }), 'not_found');
    }
    for (const user of [null, await plainUser()]) {
      await expectAppError(
        listTopics({ ctx: await ctxFor(user), community: community.id, board: membersBoard.slug, query: {} }),
        'not_found',
      );
    }
    const privateOne = await supportCommunity({ visibility: 'private' });
    for (const user of [null, await plainUser()]) {
      await expectAppError(
        listTopics({ ctx: await ctxFor(user), community: privateOne.community.id, board: 'help', query: {} }),
        'not_found',
      );
    }
  });

  it('pages through more topics than the limit: each published topic once, pinned first, then by activity', async () => {
    const { community, member, other, moderator } = await supportCommunity();
    const board = await seedBoard(community.id);
    const specs: { pinned?: boolean; at: string; status?: 'pending' | 'hidden' }[] = [
      { pinned: true, at: '2024-01-01T00:00:00.000001Z' },
      { pinned: true, at: '2024-01-02T00:00:00.000000Z' },
      { at: '2024-03-01T12:00:00.123456Z' },
      { at: '2024-03-01T12:00:00.123456Z' },
      { at: '2024-03-01T12:00:00.123456Z' },
      { at: '2024-03-01T12:00:00.123457Z' },
      { at: '2024-03-01T12:00:00.123457Z' },
      { at: '2024-02-01T00:00:00.000000Z' },
      { at: '2024-05-01T00:00:00.000000Z' },
      { at: '2023-12-31T23:59:59.999999Z' },
      { at: '2024-04-01T08:30:00.500000Z' },
      { at: '2024-06-01T00:00:00.000000Z', status: 'pending' },
      { at: '2024-06-02T00:00:00.000000Z', status: 'hidden' },
    ];
    const seeded: { id: string; pinned: boolean; at: string; status: string }[] = [];
    for (const spec of specs) {
      const row = await seedTopic(board, member.memberId, {
        pinned: spec.pinned ?? false,
        last_activity_at: spec.at,
        status: spec.status ?? 'published',
      });
      seeded.push({ id: row.id, pinned: row.pinned, at: spec.at, status: row.status });
    }
    const order = (statuses: string[]) =>
      seeded
        .filter((t) => statuses.includes(t.status))
        .sort((a, b) => Number(b.pinned) - Number(a.pinned) || desc(a.at, b.at) || desc(a.id, b.id))
        .map((t) => t.id);

    const walk = async (user: typeof member.user, limit: number) => {
      const ctx = await ctxFor(user);
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 20; pages++) {
        const page = await listTopics({
          ctx,
          community: community.id,
          board: board.slug,
          query: { limit, cursor },
        });
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...ids(page));
        if (!page.nextCursor) return seen;
        cursor = page.nextCursor;
      }
      throw new Error('the pages never end');
    };

    const published = order(['published']);
    expect(published).toHaveLength(11);
    // Another member (the author would also see their own pending topic).
    for (const limit of [2, 3, 4]) expect(await walk(other.user, limit)).toEqual(published);
    expect(await walk(await plainUser(), 5)).toEqual(published);
    expect(await walk(moderator.user, 3)).toEqual(order(['published', 'pending']));
    const first = await listTopics({
      ctx: await ctxFor(null),
      community: community.id,
      board: board.id,
      query: {},
    });
    expect(ids(first)).toEqual(published);
    expect(first.nextCursor).toBeNull();
    expect(first.items.slice(0, 2).every((t) => t.pinned)).toBe(true);
  });

  it('keeps a member’s pending topic of a pre-moderated board from other members, and shows it to staff', async () => {
    const { community, member, other, moderator, admin, observer } = await supportCommunity();
    const board = await seedBoard(community.id, { premoderation: true });
    const pending = await createTopic({
      ctx: await ctxFor(member.user),
      community: community.id,
      board: board.slug,
      input: { title: 'Waiting for approval', body: 'Please approve me.' },
    });
    expect(pending.status).toBe('pending');
    for (const user of [other.user, observer.user, null]) {
      const page = await listTopics({
        ctx: await ctxFor(user),
        community: community.id,
        board: board.slug,
        query: {},
      });
      expect(ids(page)).toEqual([]);
    }
    for (const user of [moderator.user, admin.user, await plainUser({ platformAdmin: true })]) {
      const page = await listTopics({
        ctx: await ctxFor(user),
        community: community.id,
        board: board.slug,
        query: {},
      });
      expect(page.items).toEqual([pending]);
    }
  });

  it('filters unanswered questions (no published reply) and unsolved questions', async () => {
    const { community, member, other } = await supportCommunity();
    const board = await seedBoard(community.id);
    const t = (values: Parameters<typeof seedTopic>[2]) =>
      seedTopic(board, member.memberId, values).then((r) => r.id);
    const fresh = await t({ last_activity_at: '2024-01-05T00:00:00Z' });
    const answered = await t({ last_activity_at: '2024-01-04T00:00:00Z', replies_count: 2 });
    const solved = await t({ last_activity_at: '2024-01-03T00:00:00Z', replies_count: 1, solved: true });
    await t({ last_activity_at: '2024-01-02T00:00:00Z', kind: 'discussion' });
    // Someone else's pending question: never listed to `member`.
    await seedTopic(board, other.memberId, { last_activity_at: '2024-01-01T00:00:00Z', status: 'pending' });
    const ctx = await ctxFor(member.user);
    const list = async (filter?: 'unanswered' | 'unsolved') =>
      ids(await listTopics({ ctx, community: community.id, board: board.slug, query: { filter } }));
    expect(await list('unanswered')).toEqual([fresh]);
    expect(await list('unsolved')).toEqual([fresh, answered]);
    expect(await list()).toHaveLength(4);
    expect(await list()).toContain(solved);
  });

  it('presents each topic with its counters and its author’s pseudonym and role only', async () => {
    const { community, board, expert } = await supportCommunity();
    const row = await seedTopic(board, expert.memberId, {
      replies_count: 3,
      kudos_count: 2,
      solved: true,
      locked: true,
    });
    const page = await listTopics({
      ctx: await ctxFor(null),
      community: community.slug,
      board: 'help',
      query: {},
    });
    expect(page.items).toEqual([
      {
        id: row.id,
        boardId: board.id,
        kind: 'question',
        title: 'A seeded question',
        status: 'published',
        locked: true,
        pinned: false,
        solved: true,
        repliesCount: 3,
        kudosCount: 2,
        author: { id: expert.memberId, pseudonym: expect.any(String) as unknown, role: 'expert', rank: null },
        createdAt: row.created_at.toISOString(),
        lastActivityAt: row.last_activity_at.toISOString(),
        tags: [],
      },
    ]);
  });
});
