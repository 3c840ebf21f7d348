import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, plainUser, testApp } from '../../../../test/helpers.ts';
import { seedAward } from '../../../../test/points-fixtures.ts';
import { supportCommunity } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { getPointsBalance } from './get-points-balance.ts';

beforeAll(async () => {
  await testApp();
});

describe('getPointsBalance', () => {
  it('rejects a malformed member id', async () => {
    const { community, moderator } = await supportCommunity();
    await expectAppError(
      getPointsBalance({
        ctx: await ctxFor(moderator.user),
        community: community.id,
        query: { memberId: 'me' },
      }),
      'validation_failed',
      '/memberId',
    );
  });

  it('reports unknown communities and members as not found', async () => {
    const { community, moderator } = await supportCommunity();
    const ctx = await ctxFor(moderator.user);
    await expectAppError(getPointsBalance({ ctx, community: newId(), query: {} }), 'not_found');
    await expectAppError(
      getPointsBalance({ ctx, community: community.id, query: { memberId: newId() } }),
      'not_found',
    );
  });

  it('shows one’s own balance to members, anyone’s to staff only', async () => {
    const { community, member, other } = await supportCommunity();
    await expectAppError(
      getPointsBalance({ ctx: await ctxFor(null), community: community.id, query: {} }),
      'unauthenticated',
    );
    await expectAppError(
      getPointsBalance({ ctx: await ctxFor(await plainUser()), community: community.id, query: {} }),
      'forbidden',
    );
    await expectAppError(
      getPointsBalance({
        ctx: await ctxFor(member.user),
        community: community.id,
        query: { memberId: other.memberId },
      }),
      'forbidden',
    );
  });

  it('derives pending, available and lifetime points and shows the rank', async () => {
    const { community, member, moderator } = await supportCommunity();
    await seedAward(community.id, member.memberId);
    const own = await getPointsBalance({
      ctx: await ctxFor(member.user),
      community: community.slug,
      query: {},
    });
    expect(own).toMatchObject({
      memberId: member.memberId,
      pending: 15,
      available: 0,
      lifetime: 0,
      leaderboardOptOut: false,
    });
    expect(own.rank).toBe('Nouveau venu');
    const seen = await getPointsBalance({
      ctx: await ctxFor(moderator.user),
      community: community.id,
      query: { memberId: member.memberId },
    });
    expect(seen).toEqual(own);
  });
});
