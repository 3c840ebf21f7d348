import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, plainUser, testApp } from '../../../../test/helpers.ts';
import { seedPointsFlag } from '../../../../test/points-fixtures.ts';
import { supportCommunity } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { listPointsFlags } from './list-points-flags.ts';

beforeAll(async () => {
  await testApp();
});

describe('listPointsFlags', () => {
  it('rejects a bad cursor', async () => {
    const { community, moderator } = await supportCommunity();
    await expectAppError(
      listPointsFlags({ ctx: await ctxFor(moderator.user), community: community.id, query: { cursor: 'x' } }),
      'bad_request',
    );
  });

  it('reports unknown communities as not found', async () => {
    const { moderator } = await supportCommunity();
    await expectAppError(
      listPointsFlags({ ctx: await ctxFor(moderator.user), community: newId(), query: {} }),
      'not_found',
    );
  });

  it('is for staff', async () => {
    const { community, expert } = await supportCommunity();
    for (const user of [await plainUser(), expert.user])
      await expectAppError(
        listPointsFlags({ ctx: await ctxFor(user), community: community.id, query: {} }),
        'forbidden',
      );
  });

  it('pages the community’s flags, newest first, and only this community’s', async () => {
    const { community, moderator, member, other } = await supportCommunity();
    const elsewhere = await supportCommunity();
    const first = await seedPointsFlag(community.id, member.memberId);
    const second = await seedPointsFlag(community.id, other.memberId);
    await seedPointsFlag(elsewhere.community.id, elsewhere.member.memberId);
    const ctx = await ctxFor(moderator.user);
    const page1 = await listPointsFlags({ ctx, community: community.id, query: { limit: 1 } });
    const page2 = await listPointsFlags({
      ctx,
      community: community.id,
      query: { limit: 1, cursor: page1.nextCursor! },
    });
    expect([...page1.items, ...page2.items].map((f) => f.id)).toEqual([second, first]);
    expect(page2.nextCursor).toBeNull();
  });
});
