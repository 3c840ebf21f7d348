import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditRowsOf,
  ctxFor,
  expectAppError,
  outboxEventsOf,
  plainUser,
  testApp,
} from '../../../../test/helpers.ts';
import { supportCommunity } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { findBalance, findBalanceMismatches } from '../ledger.repository.ts';
import { adjustPoints } from './adjust-points.ts';

beforeAll(async () => {
  await testApp();
});

describe('adjustPoints', () => {
  it('refuses an adjustment without a reason, of zero or absurd, changing nothing', async () => {
    const { community, moderator, member } = await supportCommunity();
    const ctx = await ctxFor(moderator.user);
    const error = await expectAppError(
      adjustPoints({
        ctx,
        community: community.id,
        input: { memberId: member.memberId, points: 0, reason: ' ' },
      }),
      'validation_failed',
    );
    expect(error.fields.map((f) => [f.path, f.key]).sort()).toEqual([
      ['/points', 'points.validation.nonZero'],
      ['/reason', 'points.validation.reason'],
    ]);
    await expectAppError(
      adjustPoints({
        ctx,
        community: community.id,
        input: { memberId: member.memberId, points: 10_000_001, reason: 'x' },
      }),
      'validation_failed',
      '/points',
    );
    await expectAppError(
      adjustPoints({ ctx, community: community.id, input: { memberId: member.memberId, points: 5 } }),
      'validation_failed',
      '/reason',
    );
    expect(await findBalance((await testApp()).kernel.db, member.memberId)).toEqual({
      pending: 0,
      available: 0,
      lifetime: 0,
    });
  });

  it('reports unknown communities and members as not found', async () => {
    const { community, moderator } = await supportCommunity();
    const other = await supportCommunity();
    const ctx = await ctxFor(moderator.user);
    const input = { memberId: newId(), points: 5, reason: 'Thanks' };
    await expectAppError(adjustPoints({ ctx, community: newId(), input }), 'not_found');
    await expectAppError(adjustPoints({ ctx, community: community.id, input }), 'not_found');
    await expectAppError(
      adjustPoints({ ctx, community: community.id, input: { ...input, memberId: other.member.memberId } }),
      'not_found',
    );
  });

  it('is for moderators, admins and platform admins only', async () => {
    const { community, member, expert, observer, other } = await supportCommunity();
    const input = { memberId: other.memberId, points: 5, reason: 'Thanks' };
    await expectAppError(
      adjustPoints({ ctx: await ctxFor(null), community: community.id, input }),
      'unauthenticated',
    );
    for (const user of [await plainUser(), member.user, expert.user, observer.user]) {
      await expectAppError(
        adjustPoints({ ctx: await ctxFor(user), community: community.id, input }),
        'forbidden',
      );
    }
    // Staff never adjust their own points.
    const staff = await supportCommunity();
    const own = await expectAppError(
      adjustPoints({
        ctx: await ctxFor(staff.moderator.user),
        community: staff.community.id,
        input: { memberId: staff.moderator.memberId, points: 5, reason: 'Me' },
      }),
      'forbidden',
    );
    expect(own.messageKey).toBe('points.error.selfAdjust');
  });

  it('adds and takes available points with a reason, audited, never below zero', async () => {
    const { community, moderator, admin, member } = await supportCommunity();
    const { kernel } = await testApp();
    const entry = await adjustPoints({
      ctx: await ctxFor(moderator.user),
      community: community.slug,
      input: { memberId: member.memberId, points: 50, reason: ' Welcome gift ' },
    });
    expect(entry).toMatchObject({
      kind: 'adjustment',
      bucket: 'available',
      points: 50,
      reason: 'Welcome gift',
    });
    await adjustPoints({
      ctx: await ctxFor(await plainUser({ platformAdmin: true })),
      community: community.id,
      input: { memberId: member.memberId, points: -20, reason: 'Correction' },
    });
    await expectAppError(
      adjustPoints({
        ctx: await ctxFor(admin.user),
        community: community.id,
        input: { memberId: member.memberId, points: -31, reason: 'Too much' },
      }),
      'conflict',
    );
    expect(await findBalance(kernel.db, member.memberId)).toEqual({
      pending: 0,
      available: 30,
      lifetime: 30,
    });
    expect(await findBalanceMismatches(kernel.db, community.id)).toEqual([]);
    expect(
      (await auditRowsOf(community.id)).map((r) => [r.action, (r.data as { points: number }).points]),
    ).toEqual([
      ['points.adjust', 50],
      ['points.adjust', -20],
    ]);
    expect((await outboxEventsOf(community.id)).filter((e) => e.type === 'points.adjusted')).toEqual([
      {
        type: 'points.adjusted',
        actor: moderator.user.userId,
        payload: { communityId: community.id, memberId: member.memberId, entryId: entry.id, points: 50 },
      },
      expect.objectContaining({ type: 'points.adjusted' }),
    ]);
  });
});
