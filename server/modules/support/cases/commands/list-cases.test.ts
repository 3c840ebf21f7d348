import { beforeAll, describe, expect, it } from 'vitest';
import { caseCommunity, seedCase } from '../../../../../test/case-fixtures.ts';
import { ctxFor, expectAppError, plainUser, testApp } from '../../../../../test/helpers.ts';
import { seedTopic } from '../../../../../test/support-fixtures.ts';
import { listCases } from './list-cases.ts';

// Migrating the test database can be slow on a busy machine: do it before the first test's clock starts.
beforeAll(() => testApp(), 180_000);

describe('listCases', () => {
  it('rejects bad filters and malformed cursors', async () => {
    const { community, agent } = await caseCommunity();
    const ctx = await ctxFor(agent.user);
    const cases: [unknown, string][] = [
      [{ status: 'closed' }, '/status'],
      [{ assignee: 'someone' }, '/assignee'],
      [{ updatedSince: 'yesterday' }, '/updatedSince'],
      [{ limit: 0 }, '/limit'],
      [{ unknown: 1 }, '/unknown'],
    ];
    for (const [query, path] of cases) {
      await expectAppError(listCases({ ctx, community: community.slug, query }), 'validation_failed', path);
    }
    await expectAppError(
      listCases({ ctx, community: community.slug, query: { cursor: 'garbage' } }),
      'bad_request',
    );
  });

  it('reports unknown communities as not found and refuses those who do not work cases here', async () => {
    const { community, member, other, expert, observer, foreignAgent } = await caseCommunity();
    await expectAppError(
      listCases({ ctx: await ctxFor(member.user), community: 'c-nowhere', query: {} }),
      'not_found',
    );
    await expectAppError(
      listCases({ ctx: await ctxFor(null), community: community.slug, query: {} }),
      'unauthenticated',
    );
    for (const person of [member, other, expert, observer, foreignAgent, { user: await plainUser() }]) {
      await expectAppError(
        listCases({ ctx: await ctxFor(person.user), community: community.slug, query: {} }),
        'forbidden',
      );
    }
  });

  it('lists the queue, least recently updated first, filtered by status, assignee and date, page by page', async () => {
    const { community, board, member, agent, moderator, topic, elsewhere } = await caseCommunity();
    const second = await seedTopic(board, member.memberId, { title: 'Second question' });
    const third = await seedTopic(board, member.memberId, { title: 'Third question' });
    const a = await seedCase(topic, { updated_at: '2024-01-01T00:00:00Z' });
    const b = await seedCase(second, {
      status: 'open',
      assignee_id: agent.memberId,
      updated_at: '2024-02-01T00:00:00Z',
    });
    const c = await seedCase(third, {
      status: 'solved',
      solved_at: '2024-03-01T00:00:00Z',
      assignee_id: moderator.memberId,
      updated_at: '2024-03-01T00:00:00Z',
    });
    await seedCase(await seedTopic(elsewhere.board, elsewhere.member.memberId));
    const ctx = await ctxFor(agent.user);
    const ids = async (query: Record<string, unknown>) =>
      (await listCases({ ctx, community: community.slug, query })).items.map((i) => i.id);
    expect(await ids({})).toEqual([a.id, b.id, c.id]);
    expect(await ids({ status: 'open' })).toEqual([b.id]);
    expect(await ids({ assignee: 'me' })).toEqual([b.id]);
    expect(await ids({ assignee: 'none' })).toEqual([a.id]);
    expect(await ids({ assignee: moderator.memberId })).toEqual([c.id]);
    expect(await ids({ updatedSince: '2024-01-15T00:00:00Z' })).toEqual([b.id, c.id]);

    const first = await listCases({ ctx, community: community.slug, query: { limit: 2 } });
    expect(first.items.map((i) => i.id)).toEqual([a.id, b.id]);
    expect(first.items[0]).toMatchObject({
      status: 'new',
      statusLabel: 'New',
      assignee: null,
      topic: { id: topic.id, title: 'My bike squeaks', author: { id: member.memberId } },
    });
    expect(JSON.stringify(first)).not.toContain(member.user.email);
    const next = await listCases({
      ctx,
      community: community.slug,
      query: { limit: 2, cursor: first.nextCursor! },
    });
    expect(next.items.map((i) => i.id)).toEqual([c.id]);
    expect(next.nextCursor).toBeNull();

    // Moderators and admins work cases by role; a platform admin has nothing assigned to "me".
    for (const person of [moderator]) {
      expect(
        (await listCases({ ctx: await ctxFor(person.user), community: community.slug, query: {} })).items,
      ).toHaveLength(3);
    }
    const root = await ctxFor(await plainUser({ platformAdmin: true }));
    expect(
      (await listCases({ ctx: root, community: community.slug, query: { assignee: 'me' } })).items,
    ).toEqual([]);
    expect((await listCases({ ctx: root, community: community.slug, query: {} })).items).toHaveLength(3);
  });
});
