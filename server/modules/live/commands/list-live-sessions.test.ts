import { beforeAll, describe, expect, it } from 'vitest';
import { liveCommunity, seedSession } from '../../../../test/live-fixtures.ts';
import {
  addMember,
  ctxFor,
  expectAppError,
  freshCommunity,
  plainUser,
  testApp,
} from '../../../../test/helpers.ts';
import { listLiveSessions } from './list-live-sessions.ts';

beforeAll(() => testApp(), 180_000);

describe('listLiveSessions', () => {
  it('reports an unknown community as not found and refuses non-members', async () => {
    const { community } = await liveCommunity();
    await expectAppError(
      listLiveSessions({ ctx: await ctxFor(await plainUser()), community: 'nope' }),
      'not_found',
    );
    await expectAppError(
      listLiveSessions({ ctx: await ctxFor(null), community: community.slug }),
      'unauthenticated',
    );
    await expectAppError(
      listLiveSessions({ ctx: await ctxFor(await plainUser()), community: community.slug }),
      'forbidden',
    );
    const hidden = await freshCommunity({ visibility: 'hidden' });
    await expectAppError(
      listLiveSessions({ ctx: await ctxFor(await plainUser()), community: hidden.slug }),
      'not_found',
    );
  });

  it('lists every session to community staff and only their own to members and observers', async () => {
    const { community, admin, observer, alice, carol, session } = await liveCommunity();
    const other = await seedSession(community.id);
    const all = await listLiveSessions({ ctx: await ctxFor(admin.user), community: community.slug });
    expect(all.items.map((s) => s.id).sort()).toEqual([session.id, other.id].sort());
    const mine = await listLiveSessions({ ctx: await ctxFor(alice.user), community: community.slug });
    expect(mine.items.map((s) => [s.id, s.myRole, s.invitation])).toEqual([
      [session.id, 'participant', 'invited'],
    ]);
    expect(
      (await listLiveSessions({ ctx: await ctxFor(observer.user), community: community.slug })).items.map(
        (s) => s.myRole,
      ),
    ).toEqual(['observer']);
    expect(
      (await listLiveSessions({ ctx: await ctxFor(carol.user), community: community.slug })).items,
    ).toEqual([]);
    const pendingUser = await plainUser();
    await addMember(community.id, pendingUser.userId, 'member', 'pending');
    await expectAppError(
      listLiveSessions({ ctx: await ctxFor(pendingUser), community: community.slug }),
      'forbidden',
    );
  });
});
