import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, plainUser, testApp } from '../../../../test/helpers.ts';
import { seedAward } from '../../../../test/points-fixtures.ts';
import { supportCommunity } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { listPendingAwards } from './list-pending-awards.ts';
import { releasePendingAward } from './release-pending-award.ts';

beforeAll(async () => {
  await testApp();
});

describe('listPendingAwards', () => {
  it('rejects a bad page size', async () => {
    const { community, moderator } = await supportCommunity();
    await expectAppError(
      listPendingAwards({ ctx: await ctxFor(moderator.user), community: community.id, query: { limit: 0 } }),
      'validation_failed',
      '/limit',
    );
  });

  it('reports unknown communities as not found', async () => {
    const { moderator } = await supportCommunity();
    await expectAppError(
      listPendingAwards({ ctx: await ctxFor(moderator.user), community: newId(), query: {} }),
      'not_found',
    );
  });

  it('is for staff', async () => {
    const { community, member, observer } = await supportCommunity();
    for (const user of [await plainUser(), member.user, observer.user])
      await expectAppError(
        listPendingAwards({ ctx: await ctxFor(user), community: community.id, query: {} }),
        'forbidden',
      );
  });

  it('lists the community’s pending awards of every member, not settled ones', async () => {
    const { community, moderator, member, other } = await supportCommunity();
    const a = await seedAward(community.id, member.memberId);
    const b = await seedAward(community.id, other.memberId);
    const ctx = await ctxFor(moderator.user);
    await releasePendingAward({ ctx, community: community.id, awardId: a!.id });
    const page = await listPendingAwards({ ctx, community: community.id, query: {} });
    expect(page.items.map((e) => [e.id, e.pseudonym, e.status])).toEqual([
      [b!.id, expect.any(String), 'pending'],
    ]);
  });
});
