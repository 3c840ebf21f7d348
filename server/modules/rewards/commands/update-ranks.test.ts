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
import { findRankName } from '../history.repository.ts';
import { listRanks } from './list-ranks.ts';
import { releasePendingAward } from './release-pending-award.ts';
import { updateRanks } from './update-ranks.ts';

beforeAll(async () => {
  await testApp();
});

const rank = (name: string, minPoints: number, extra: Record<string, unknown> = {}) => ({
  name,
  minPoints,
  minSolutions: 0,
  minKudos: 0,
  minTenureDays: 0,
  skipsPremoderation: false,
  ...extra,
});

describe('updateRanks and listRanks', () => {
  it('takes a reliability threshold that never decreases and rank abilities, and ranks by them', async () => {
    const { community, admin, member } = await supportCommunity();
    const { kernel } = await testApp();
    const ctx = await ctxFor(admin.user);
    const refused = async (ranks: ReturnType<typeof rank>[]) =>
      (
        await expectAppError(
          updateRanks({ ctx, community: community.id, input: { ranks } }),
          'validation_failed',
        )
      ).fields.map((f) => [f.path, f.key]);
    const disordered = [
      rank('Newbie', 0, { minReliability: 10 }),
      rank('Steady', 0, { minReliability: 60 }),
      rank('Loose', 10, { minReliability: 50 }),
    ];
    expect(await refused([...disordered, rank('Over', 20, { minReliability: 101 })])).toEqual([
      ['/ranks/3/minReliability', 'validation.tooLarge'],
    ]);
    expect(await refused(disordered)).toEqual([
      ['/ranks/0/minReliability', 'points.validation.firstRankZero'],
      ['/ranks/2/minReliability', 'points.validation.rankOrder'],
    ]);
    await kernel.db
      .updateTable('memberships')
      .set({ reliability_score: 80 })
      .where('id', '=', member.memberId)
      .execute();
    const saved = await updateRanks({
      ctx,
      community: community.id,
      input: {
        ranks: [
          rank('Newbie', 0),
          rank('Steady', 0, { minReliability: 75, marksAnySolution: true, skipsPremoderation: true }),
        ],
      },
    });
    expect(
      saved.items.map((r) => [r.name, r.minReliability, r.marksAnySolution, r.skipsPremoderation]),
    ).toEqual([
      ['Newbie', null, false, false],
      ['Steady', 75, true, true],
    ]);
    // Scored 80: the member meets 75; everyone else (not scored) stays Newbie.
    expect(saved.items.map((r) => r.membersCount)).toEqual([expect.any(Number), 1]);
    expect(await findRankName(kernel.db, member.memberId)).toBe('Steady');
  });

  it('refuses thresholds out of order, a demanding first rank and duplicate names, changing nothing', async () => {
    const { community, admin } = await supportCommunity();
    const ctx = await ctxFor(admin.user);
    const error = await expectAppError(
      updateRanks({
        ctx,
        community: community.id,
        input: {
          ranks: [
            rank('Newbie', 5),
            rank('Pro', 100, { minKudos: 10 }),
            rank('Star', 50, { minKudos: 10 }),
            rank('pro', 200, { minKudos: 10 }),
            rank('Same', 200, { minKudos: 10 }),
          ],
        },
      }),
      'validation_failed',
    );
    expect(error.fields.map((f) => [f.path, f.key])).toEqual([
      ['/ranks/0/minPoints', 'points.validation.firstRankZero'],
      ['/ranks/2/minPoints', 'points.validation.rankOrder'],
      ['/ranks/3/name', 'points.validation.duplicateRank'],
      ['/ranks/4/minPoints', 'points.validation.rankOrder'],
    ]);
    await expectAppError(
      updateRanks({ ctx, community: community.id, input: { ranks: [] } }),
      'validation_failed',
      '/ranks',
    );
    await expectAppError(
      updateRanks({ ctx, community: community.id, input: { ranks: [rank('A', -1)] } }),
      'validation_failed',
      '/ranks/0/minPoints',
    );
    expect((await listRanks({ ctx, community: community.id })).items.map((r) => r.id)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('reports unknown communities as not found', async () => {
    const ctx = await ctxFor(await plainUser({ platformAdmin: true }));
    await expectAppError(
      updateRanks({ ctx, community: newId(), input: { ranks: [rank('A', 0)] } }),
      'not_found',
    );
    await expectAppError(listRanks({ ctx, community: newId() }), 'not_found');
  });

  it('is for admins; members read the ranks', async () => {
    const { community, member, moderator } = await supportCommunity();
    const input = { ranks: [rank('A', 0)] };
    for (const user of [await plainUser(), member.user, moderator.user])
      await expectAppError(
        updateRanks({ ctx: await ctxFor(user), community: community.id, input }),
        'forbidden',
      );
    const seen = await listRanks({ ctx: await ctxFor(member.user), community: community.id });
    expect(seen.items.map((r) => r.name)).toEqual([
      'Nouveau venu',
      'Habitué',
      'Contributeur',
      'Expert',
      'Superfan',
    ]);
  });

  it('replaces the list, recomputes every member’s rank, audits and emits ranks.updated', async () => {
    const { community, admin, member, moderator, other } = await supportCommunity();
    const award = await seedAward(community.id, member.memberId);
    await releasePendingAward({
      ctx: await ctxFor(moderator.user),
      community: community.id,
      awardId: award!.id,
    });
    const { kernel } = await testApp();
    expect(await findRankName(kernel.db, member.memberId)).toBe('Nouveau venu');
    const saved = await updateRanks({
      ctx: await ctxFor(admin.user),
      community: community.slug,
      input: {
        ranks: [rank(' Seed ', 0), rank('Sprout', 10, { skipsPremoderation: true }), rank('Tree', 1000)],
      },
    });
    expect(saved.items.map((r) => [r.name, r.minPoints, r.skipsPremoderation])).toEqual([
      ['Seed', 0, false],
      ['Sprout', 10, true],
      ['Tree', 1000, false],
    ]);
    expect(await findRankName(kernel.db, member.memberId)).toBe('Sprout');
    expect(await findRankName(kernel.db, other.memberId)).toBe('Seed');
    expect(saved.items.find((r) => r.name === 'Sprout')?.membersCount).toBe(1);
    expect((await auditRowsOf(community.id)).map((r) => r.action)).toEqual([
      'points.release',
      'ranks.update',
    ]);
    expect((await outboxEventsOf(community.id)).filter((e) => e.type === 'ranks.updated')).toEqual([
      {
        type: 'ranks.updated',
        actor: admin.user.userId,
        payload: { communityId: community.id, names: ['Seed', 'Sprout', 'Tree'] },
      },
    ]);
  });
});
