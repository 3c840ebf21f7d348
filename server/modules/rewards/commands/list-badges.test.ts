import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, plainUser, testApp } from '../../../../test/helpers.ts';
import { seedBadge } from '../../../../test/points-fixtures.ts';
import { seedReply, seedTopic, supportCommunity } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { transact } from '../../../platform/kernel.ts';
import { refreshStanding } from '../standing.ts';
import { listBadges } from './list-badges.ts';

beforeAll(async () => {
  await testApp();
});

describe('listBadges', () => {
  it('reports unknown communities as not found', async () => {
    const { member } = await supportCommunity();
    await expectAppError(listBadges({ ctx: await ctxFor(member.user), community: newId() }), 'not_found');
  });

  it('is for the community’s active members and platform admins', async () => {
    const { community } = await supportCommunity();
    await expectAppError(listBadges({ ctx: await ctxFor(null), community: community.id }), 'unauthenticated');
    await expectAppError(
      listBadges({ ctx: await ctxFor(await plainUser()), community: community.id }),
      'forbidden',
    );
  });

  it('lists rule badges first, then staff-made ones, with their current holders', async () => {
    const { community, board, member, other } = await supportCommunity();
    const { kernel } = await testApp();
    const topic = await seedTopic(board, other.memberId);
    await seedReply(topic, member.memberId, { is_solution: true });
    await transact(kernel, (trx) => refreshStanding(trx, community.id, [member.memberId]));
    const { badgeId } = await seedBadge(community.id, other.memberId);
    const list = await listBadges({ ctx: await ctxFor(member.user), community: community.id });
    const rules = list.items.filter((b) => b.rule);
    expect(rules.map((b) => b.rule).sort()).toEqual([
      'fifty_kudos',
      'first_solution',
      'five_sessions',
      'one_year',
      'ten_solutions',
    ]);
    expect(rules.find((b) => b.rule === 'first_solution')?.holdersCount).toBe(1);
    expect(list.items.at(-1)).toMatchObject({ id: badgeId, rule: null, holdersCount: 1 });
  });
});
