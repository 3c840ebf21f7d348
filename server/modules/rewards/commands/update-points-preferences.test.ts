import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, outboxEventsOf, plainUser, testApp } from '../../../../test/helpers.ts';
import { seedAward } from '../../../../test/points-fixtures.ts';
import { supportCommunity } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { getLeaderboard } from './get-leaderboard.ts';
import { updatePointsPreferences } from './update-points-preferences.ts';

beforeAll(async () => {
  await testApp();
});

describe('updatePointsPreferences', () => {
  it('rejects a choice that is not a boolean', async () => {
    const { community, member } = await supportCommunity();
    await expectAppError(
      updatePointsPreferences({
        ctx: await ctxFor(member.user),
        community: community.id,
        input: { leaderboardOptOut: 'yes' },
      }),
      'validation_failed',
      '/leaderboardOptOut',
    );
  });

  it('reports unknown communities as not found', async () => {
    const { member } = await supportCommunity();
    await expectAppError(
      updatePointsPreferences({
        ctx: await ctxFor(member.user),
        community: newId(),
        input: { leaderboardOptOut: true },
      }),
      'not_found',
    );
  });

  it('is for the community’s active members', async () => {
    const { community } = await supportCommunity();
    const input = { leaderboardOptOut: true };
    await expectAppError(
      updatePointsPreferences({ ctx: await ctxFor(null), community: community.id, input }),
      'unauthenticated',
    );
    await expectAppError(
      updatePointsPreferences({
        ctx: await ctxFor(await plainUser({ platformAdmin: true })),
        community: community.id,
        input,
      }),
      'forbidden',
    );
  });

  it('takes a member off the leaderboards and back, emitting only real changes', async () => {
    const { community, member, other } = await supportCommunity();
    await seedAward(community.id, member.memberId);
    await seedAward(community.id, other.memberId, { action: 'reply.posted' });
    const ctx = await ctxFor(member.user);
    const names = async () =>
      (await getLeaderboard({ ctx, community: community.id, query: { period: 'all' } })).items.map(
        (i) => i.memberId,
      );
    expect(await names()).toEqual([member.memberId, other.memberId]);
    await updatePointsPreferences({ ctx, community: community.id, input: { leaderboardOptOut: true } });
    await updatePointsPreferences({ ctx, community: community.id, input: { leaderboardOptOut: true } });
    expect(await names()).toEqual([other.memberId]);
    await updatePointsPreferences({ ctx, community: community.id, input: { leaderboardOptOut: false } });
    expect(await names()).toEqual([member.memberId, other.memberId]);
    expect((await outboxEventsOf(community.id)).map((e) => [e.type, e.payload.leaderboardOptOut])).toEqual([
      ['points_preferences.updated', true],
      ['points_preferences.updated', false],
    ]);
  });
});
