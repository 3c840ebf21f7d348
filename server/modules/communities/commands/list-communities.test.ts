import { describe, expect, it } from 'vitest';
import {
  addMember,
  ctxFor,
  expectAppError,
  freshCommunity,
  plainUser,
  testApp,
} from '../../../../test/helpers.ts';
import type { Ctx } from '../../../platform/context.ts';
import { encodeCursor } from '../../../platform/http/pagination.ts';
import { listCommunities } from './list-communities.ts';

/**
 * The database may hold many communities (PostgreSQL keeps data between runs): start the page right
 * before a given community's name so that it comes first if the viewer may see it.
 */
async function firstFrom(ctx: Ctx, communityId: string, limit = 1) {
  const { kernel } = await testApp();
  const row = await kernel.db
    .selectFrom('communities')
    .select('name')
    .where('id', '=', communityId)
    .executeTakeFirstOrThrow();
  const cursor = encodeCursor([row.name, '00000000-0000-0000-0000-000000000000']);
  return listCommunities({ ctx, limit, cursor });
}

describe('listCommunities', () => {
  it('rejects a malformed cursor', async () => {
    const ctx = await ctxFor(null);
    await expectAppError(listCommunities({ ctx, cursor: 'not-a-cursor' }), 'bad_request');
    await expectAppError(listCommunities({ ctx, cursor: encodeCursor(['only-one']) }), 'bad_request');
  });

  it('lists public and private communities to anyone, with their visibility', async () => {
    const priv = await freshCommunity({ visibility: 'private' });
    for (const viewer of [null, await plainUser()]) {
      const page = await firstFrom(await ctxFor(viewer), priv.id);
      expect(page.items[0]).toMatchObject({ id: priv.id, visibility: 'private', viewerMembership: null });
      expect(page.items[0]?.abilities.viewContent).toBe(false);
    }
  });

  it('never lists a hidden community to outsiders, but to its members and platform admins', async () => {
    const hidden = await freshCommunity({ visibility: 'hidden' });
    for (const viewer of [null, await plainUser()]) {
      const page = await firstFrom(await ctxFor(viewer), hidden.id, 5);
      expect(page.items.map((c) => c.id)).not.toContain(hidden.id);
    }
    const member = await plainUser();
    const membershipId = await addMember(hidden.id, member.userId);
    const mine = await firstFrom(await ctxFor(member), hidden.id);
    expect(mine.items[0]).toMatchObject({ id: hidden.id, viewerMembership: { id: membershipId } });
    const admin = await firstFrom(await ctxFor(await plainUser({ platformAdmin: true })), hidden.id);
    expect(admin.items[0]?.id).toBe(hidden.id);
  });

  it('keeps only the viewer’s communities with `mine`, and pages by name with a cursor', async () => {
    const user = await plainUser();
    const a = await freshCommunity();
    const b = await freshCommunity({ visibility: 'hidden' });
    await freshCommunity();
    await addMember(a.id, user.userId);
    await addMember(b.id, user.userId, 'admin');
    const ctx = await ctxFor(user);
    const all = await listCommunities({ ctx, mine: true });
    expect(all.items.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect(all.nextCursor).toBeNull();
    const first = await listCommunities({ ctx, mine: true, limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = await listCommunities({ ctx, mine: true, limit: 1, cursor: first.nextCursor! });
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect([first.items[0].id, second.items[0].id]).toEqual(all.items.map((c) => c.id));
  });
});
