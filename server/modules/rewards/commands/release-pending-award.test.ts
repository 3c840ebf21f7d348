import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditRowsOf,
  ctxFor,
  expectAppError,
  outboxEventsOf,
  plainUser,
  testApp,
} from '../../../../test/helpers.ts';
import { seedAward } from '../../../../test/points-fixtures.ts';
import { supportCommunity } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { findBalance, findBalanceMismatches } from '../ledger.repository.ts';
import { denyPendingAward } from './deny-pending-award.ts';
import { releasePendingAward } from './release-pending-award.ts';

beforeAll(async () => {
  await testApp();
});

describe('releasePendingAward', () => {
  it('reports unknown awards, and awards of another community, as not found', async () => {
    const { community, moderator } = await supportCommunity();
    const other = await supportCommunity();
    const foreign = await seedAward(other.community.id, other.member.memberId);
    const ctx = await ctxFor(moderator.user);
    await expectAppError(
      releasePendingAward({ ctx, community: community.id, awardId: newId() }),
      'not_found',
    );
    await expectAppError(
      releasePendingAward({ ctx, community: community.id, awardId: foreign!.id }),
      'not_found',
    );
    await expectAppError(releasePendingAward({ ctx, community: newId(), awardId: foreign!.id }), 'not_found');
  });

  it('is for moderators, admins and platform admins', async () => {
    const { community, member, expert, observer, other } = await supportCommunity();
    const award = await seedAward(community.id, other.memberId);
    const args = { community: community.id, awardId: award!.id };
    await expectAppError(releasePendingAward({ ctx: await ctxFor(null), ...args }), 'unauthenticated');
    for (const user of [await plainUser(), member.user, expert.user, observer.user, other.user])
      await expectAppError(releasePendingAward({ ctx: await ctxFor(user), ...args }), 'forbidden');
  });

  it('makes a pending award available at once, audited, and refuses to settle it twice', async () => {
    const { community, moderator, member } = await supportCommunity();
    const { kernel } = await testApp();
    const award = await seedAward(community.id, member.memberId);
    const ctx = await ctxFor(moderator.user);
    const released = await releasePendingAward({ ctx, community: community.slug, awardId: award!.id });
    expect(released).toMatchObject({ id: award!.id, kind: 'award', status: 'available', points: 15 });
    expect(await findBalance(kernel.db, member.memberId)).toEqual({
      pending: 0,
      available: 15,
      lifetime: 15,
    });
    await expectAppError(
      releasePendingAward({ ctx, community: community.id, awardId: award!.id }),
      'conflict',
    );
    await expectAppError(
      denyPendingAward({ ctx, community: community.id, awardId: award!.id, input: { reason: 'Late' } }),
      'conflict',
    );
    expect(await findBalanceMismatches(kernel.db, community.id)).toEqual([]);
    expect((await auditRowsOf(community.id)).map((r) => r.action)).toEqual(['points.release']);
    expect((await outboxEventsOf(community.id)).map((e) => [e.type, e.payload])).toEqual([
      [
        'points_award.released',
        {
          communityId: community.id,
          awardId: award!.id,
          memberId: member.memberId,
          points: 15,
          reason: null,
        },
      ],
    ]);
  });
});
