import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, plainUser, testApp } from '../../../../../test/helpers.ts';
import { givePoints, rewardCommunity, seedReward } from '../../../../../test/reward-fixtures.ts';
import { newId } from '../../../../platform/db/ids.ts';
import { getReward } from './get-reward.ts';

beforeAll(() => testApp(), 180_000);

describe('getReward', () => {
  it('reports a malformed or unknown reward as not found', async () => {
    const { community, member } = await rewardCommunity();
    for (const rewardId of ['nope', newId()]) {
      await expectAppError(
        getReward({ ctx: await ctxFor(member.user), community: community.slug, rewardId }),
        'not_found',
      );
    }
  });

  it('reports foreign rewards, and withdrawn ones to members, as not found', async () => {
    const { community, member } = await rewardCommunity();
    const elsewhere = await rewardCommunity();
    const foreign = await seedReward(elsewhere.community.id);
    const withdrawn = await seedReward(community.id, { active: false });
    for (const rewardId of [foreign.id, withdrawn.id]) {
      await expectAppError(
        getReward({ ctx: await ctxFor(member.user), community: community.slug, rewardId }),
        'not_found',
      );
    }
  });

  it('refuses visitors and outsiders of a private community', async () => {
    const { community } = await rewardCommunity();
    const gift = await seedReward(community.id);
    await expectAppError(
      getReward({ ctx: await ctxFor(null), community: community.slug, rewardId: gift.id }),
      'unauthenticated',
    );
    await expectAppError(
      getReward({ ctx: await ctxFor(await plainUser()), community: community.slug, rewardId: gift.id }),
      'forbidden',
    );
  });

  it('shows a reward with why the member cannot redeem it, and withdrawn ones to managers', async () => {
    const { community, member, admin } = await rewardCommunity();
    const gift = await seedReward(community.id, { cost: 300, per_member_limit: 2 });
    const withdrawn = await seedReward(community.id, { active: false });
    await givePoints(community.id, member.memberId, 100);
    const seen = await getReward({
      ctx: await ctxFor(member.user),
      community: community.slug,
      rewardId: gift.id,
    });
    expect(seen).toMatchObject({
      id: gift.id,
      cost: 300,
      perMemberLimit: 2,
      myRedemptions: 0,
      unavailableReason: 'insufficient',
    });
    const staff = await getReward({
      ctx: await ctxFor(admin.user),
      community: community.slug,
      rewardId: withdrawn.id,
    });
    expect(staff).toMatchObject({ active: false, unavailableReason: null });
  });
});
