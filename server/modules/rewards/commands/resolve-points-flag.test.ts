import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditRowsOf,
  ctxFor,
  expectAppError,
  outboxEventsOf,
  plainUser,
  testApp,
} from '../../../../test/helpers.ts';
import { seedPointsFlag } from '../../../../test/points-fixtures.ts';
import { supportCommunity } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { listPointsFlags } from './list-points-flags.ts';
import { resolvePointsFlag } from './resolve-points-flag.ts';

beforeAll(async () => {
  await testApp();
});

describe('listPointsFlags and resolvePointsFlag', () => {
  it('rejects a bad filter', async () => {
    const { community, moderator } = await supportCommunity();
    await expectAppError(
      listPointsFlags({
        ctx: await ctxFor(moderator.user),
        community: community.id,
        query: { state: 'closed' },
      }),
      'validation_failed',
      '/state',
    );
  });

  it('reports unknown flags, and flags of another community, as not found', async () => {
    const { community, moderator } = await supportCommunity();
    const other = await supportCommunity();
    const foreign = await seedPointsFlag(other.community.id, other.member.memberId);
    const ctx = await ctxFor(moderator.user);
    await expectAppError(resolvePointsFlag({ ctx, community: community.id, flagId: newId() }), 'not_found');
    await expectAppError(resolvePointsFlag({ ctx, community: community.id, flagId: foreign }), 'not_found');
  });

  it('is for staff', async () => {
    const { community, member, observer } = await supportCommunity();
    const flagId = await seedPointsFlag(community.id, member.memberId);
    for (const user of [await plainUser(), member.user, observer.user]) {
      const ctx = await ctxFor(user);
      await expectAppError(resolvePointsFlag({ ctx, community: community.id, flagId }), 'forbidden');
      await expectAppError(listPointsFlags({ ctx, community: community.id, query: {} }), 'forbidden');
    }
  });

  it('lists open flags, resolves one (audited, emitted), then lists it among all only', async () => {
    const { community, moderator, member } = await supportCommunity();
    const flagId = await seedPointsFlag(community.id, member.memberId);
    const ctx = await ctxFor(moderator.user);
    expect((await listPointsFlags({ ctx, community: community.id, query: {} })).items).toEqual([
      expect.objectContaining({
        id: flagId,
        memberId: member.memberId,
        pointsInHour: 300,
        threshold: 200,
        resolvedAt: null,
      }),
    ]);
    expect(await resolvePointsFlag({ ctx, community: community.slug, flagId })).toEqual({
      id: flagId,
      resolved: true,
    });
    await expectAppError(resolvePointsFlag({ ctx, community: community.id, flagId }), 'not_found');
    expect((await listPointsFlags({ ctx, community: community.id, query: {} })).items).toEqual([]);
    expect(
      (await listPointsFlags({ ctx, community: community.id, query: { state: 'all' } })).items[0].resolvedAt,
    ).not.toBeNull();
    expect((await auditRowsOf(community.id)).map((r) => r.action)).toEqual(['points_flag.resolve']);
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toEqual(['points_flag.resolved']);
  });
});
