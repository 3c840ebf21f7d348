import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, plainUser, testApp } from '../../../../test/helpers.ts';
import { supportCommunity } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { listPointRules } from './list-point-rules.ts';

beforeAll(async () => {
  await testApp();
});

describe('listPointRules', () => {
  it('reports unknown communities as not found', async () => {
    const { member } = await supportCommunity();
    await expectAppError(listPointRules({ ctx: await ctxFor(member.user), community: newId() }), 'not_found');
  });

  it('is for the community’s active members and platform admins', async () => {
    const { community } = await supportCommunity();
    await expectAppError(
      listPointRules({ ctx: await ctxFor(null), community: community.id }),
      'unauthenticated',
    );
    await expectAppError(
      listPointRules({ ctx: await ctxFor(await plainUser()), community: community.id }),
      'forbidden',
    );
  });

  it('gives members the default rules and the review period, staff every setting', async () => {
    const { community, member, admin } = await supportCommunity();
    const seen = await listPointRules({ ctx: await ctxFor(member.user), community: community.slug });
    expect(seen.rules.slice(0, 4).map((r) => [r.action, r.points])).toEqual([
      ['reply.posted', 2],
      ['topic.posted', 1],
      ['solution.accepted', 15],
      ['kudos.received', 4],
    ]);
    expect(seen.settings).toEqual({ reviewHours: 72, pairDailyCap: null, burstPoints: null });
    const staff = await listPointRules({ ctx: await ctxFor(admin.user), community: community.id });
    expect(staff.settings).toEqual({ reviewHours: 72, pairDailyCap: 20, burstPoints: 200 });
    expect(staff.abilities).toMatchObject({ configurePoints: true, managePoints: true });
  });
});
