import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, plainUser, testApp } from '../../../../test/helpers.ts';
import { seedAward } from '../../../../test/points-fixtures.ts';
import { supportCommunity } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { adjustPoints } from './adjust-points.ts';
import { listPointsLedger } from './list-points-ledger.ts';
import { releasePendingAward } from './release-pending-award.ts';

beforeAll(async () => {
  await testApp();
});

describe('listPointsLedger', () => {
  it('rejects bad filters and cursors', async () => {
    const { community, member } = await supportCommunity();
    const ctx = await ctxFor(member.user);
    const error = await expectAppError(
      listPointsLedger({
        ctx,
        community: community.id,
        query: { kind: 'gift', status: 'lost', from: '2026-13-45' },
      }),
      'validation_failed',
    );
    expect(error.fields.map((f) => f.path).sort()).toEqual(['/from', '/kind', '/status']);
    await expectAppError(
      listPointsLedger({ ctx, community: community.id, query: { cursor: 'nope' } }),
      'bad_request',
    );
  });

  it('reports unknown communities and members as not found', async () => {
    const { community, admin } = await supportCommunity();
    const ctx = await ctxFor(admin.user);
    await expectAppError(listPointsLedger({ ctx, community: newId(), query: {} }), 'not_found');
    await expectAppError(
      listPointsLedger({ ctx, community: community.id, query: { memberId: newId() } }),
      'not_found',
    );
  });

  it('shows members their own history only', async () => {
    const { community, member, other } = await supportCommunity();
    await expectAppError(
      listPointsLedger({ ctx: await ctxFor(null), community: community.id, query: {} }),
      'unauthenticated',
    );
    await expectAppError(
      listPointsLedger({ ctx: await ctxFor(await plainUser()), community: community.id, query: {} }),
      'forbidden',
    );
    await expectAppError(
      listPointsLedger({
        ctx: await ctxFor(member.user),
        community: community.id,
        query: { memberId: other.memberId },
      }),
      'forbidden',
    );
  });

  it('lists newest first with statuses, filters by kind, status and dates, and pages by cursor', async () => {
    const { community, member, moderator, other } = await supportCommunity();
    const first = await seedAward(community.id, member.memberId);
    const second = await seedAward(community.id, member.memberId, { action: 'reply.posted' });
    await seedAward(community.id, other.memberId);
    const staff = await ctxFor(moderator.user);
    await releasePendingAward({ ctx: staff, community: community.id, awardId: first!.id });
    await adjustPoints({
      ctx: staff,
      community: community.id,
      input: { memberId: member.memberId, points: 3, reason: 'Gift' },
    });
    const ctx = await ctxFor(member.user);
    const all = await listPointsLedger({ ctx, community: community.id, query: {} });
    expect(all.items.map((e) => [e.kind, e.bucket, e.points, e.status])).toEqual([
      ['adjustment', 'available', 3, null],
      ['release', 'available', 15, null],
      ['release', 'pending', -15, null],
      ['award', 'pending', 2, 'pending'],
      ['award', 'pending', 15, 'available'],
    ]);
    const pending = await listPointsLedger({ ctx, community: community.id, query: { status: 'pending' } });
    expect(pending.items.map((e) => e.id)).toEqual([second!.id]);
    const today = new Date().toISOString().slice(0, 10);
    expect(
      (await listPointsLedger({ ctx, community: community.id, query: { from: today, to: today } })).items,
    ).toHaveLength(5);
    expect(
      (await listPointsLedger({ ctx, community: community.id, query: { to: '2020-01-01' } })).items,
    ).toEqual([]);
    const page1 = await listPointsLedger({ ctx, community: community.id, query: { limit: 2 } });
    const page2 = await listPointsLedger({
      ctx,
      community: community.id,
      query: { limit: 2, cursor: page1.nextCursor! },
    });
    const page3 = await listPointsLedger({
      ctx,
      community: community.id,
      query: { limit: 2, cursor: page2.nextCursor! },
    });
    expect([...page1.items, ...page2.items, ...page3.items].map((e) => e.id)).toEqual(
      all.items.map((e) => e.id),
    );
    expect(page3.nextCursor).toBeNull();
  });
});
