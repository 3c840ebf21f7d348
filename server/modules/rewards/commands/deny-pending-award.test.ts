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
import { releaseDueAwards } from '../jobs/release-due-awards.ts';
import { findBalance, findBalanceMismatches } from '../ledger.repository.ts';
import { denyPendingAward } from './deny-pending-award.ts';
import { listPointsLedger } from './list-points-ledger.ts';

beforeAll(async () => {
  await testApp();
});

describe('denyPendingAward', () => {
  it('needs a reason', async () => {
    const { community, moderator, member } = await supportCommunity();
    const award = await seedAward(community.id, member.memberId);
    for (const input of [{}, { reason: '   ' }, { reason: 'x'.repeat(501) }])
      await expectAppError(
        denyPendingAward({
          ctx: await ctxFor(moderator.user),
          community: community.id,
          awardId: award!.id,
          input,
        }),
        'validation_failed',
        '/reason',
      );
  });

  it('reports unknown awards as not found', async () => {
    const { community, moderator } = await supportCommunity();
    await expectAppError(
      denyPendingAward({
        ctx: await ctxFor(moderator.user),
        community: community.id,
        awardId: newId(),
        input: { reason: 'No' },
      }),
      'not_found',
    );
  });

  it('is for moderators, admins and platform admins', async () => {
    const { community, member, observer, other } = await supportCommunity();
    const award = await seedAward(community.id, other.memberId);
    const args = { community: community.id, awardId: award!.id, input: { reason: 'No' } };
    await expectAppError(denyPendingAward({ ctx: await ctxFor(null), ...args }), 'unauthenticated');
    for (const user of [await plainUser(), member.user, observer.user, other.user])
      await expectAppError(denyPendingAward({ ctx: await ctxFor(user), ...args }), 'forbidden');
  });

  it('takes the points out of pending for good, shows the reason to the member, and the job skips it', async () => {
    const { community, admin, member } = await supportCommunity();
    const { kernel } = await testApp();
    const denied = await seedAward(community.id, member.memberId);
    const kept = await seedAward(community.id, member.memberId, { action: 'reply.posted' });
    const result = await denyPendingAward({
      ctx: await ctxFor(admin.user),
      community: community.id,
      awardId: denied!.id,
      input: { reason: ' Answer copied from elsewhere ' },
    });
    expect(result).toMatchObject({ status: 'denied', points: 15 });
    expect(await findBalance(kernel.db, member.memberId)).toEqual({ pending: 2, available: 0, lifetime: 0 });
    // The review period passes: only the award still pending is released.
    expect(await releaseDueAwards(kernel, new Date(Date.now() + 73 * 3_600_000))).toBeGreaterThanOrEqual(1);
    expect(await findBalance(kernel.db, member.memberId)).toEqual({ pending: 0, available: 2, lifetime: 2 });
    const history = await listPointsLedger({
      ctx: await ctxFor(member.user),
      community: community.id,
      query: { kind: 'denial' },
    });
    expect(history.items.map((e) => [e.points, e.reason])).toEqual([[-15, 'Answer copied from elsewhere']]);
    const awards = await listPointsLedger({
      ctx: await ctxFor(member.user),
      community: community.id,
      query: { kind: 'award' },
    });
    expect(awards.items.map((e) => [e.id, e.status])).toEqual([
      [kept!.id, 'available'],
      [denied!.id, 'denied'],
    ]);
    expect(await findBalanceMismatches(kernel.db, community.id)).toEqual([]);
    expect((await auditRowsOf(community.id)).map((r) => [r.action, r.data])).toEqual([
      ['points.deny', { memberId: member.memberId, points: 15, reason: 'Answer copied from elsewhere' }],
    ]);
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toEqual(['points_award.denied']);
  });
});
