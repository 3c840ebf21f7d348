import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, testApp } from '../../../test/helpers.ts';
import { seedAward } from '../../../test/points-fixtures.ts';
import { seedReply, seedTopic, supportCommunity } from '../../../test/support-fixtures.ts';
import { transact } from '../../platform/kernel.ts';
import { upsertSupportSettings } from '../moderation/moderation.repository.ts';
import { createReply } from '../support/commands/create-reply.ts';
import { getTopic } from '../support/commands/get-topic.ts';
import { loadSupportSettings } from '../support/support-settings.ts';
import { updateRanks } from './commands/update-ranks.ts';
import { grantAnniversaries, releaseDueAwards } from './jobs/release-due-awards.ts';
import { findBalance } from './ledger.repository.ts';
import { listMemberBadgeRows } from './badges.repository.ts';
import { upsertRewardsSettings } from './points.repository.ts';
import { defaultRanks, rankFor } from './standing.ts';

beforeAll(async () => {
  await testApp();
});

const rank = (name: string, minPoints: number, skipsPremoderation = false) => ({
  name,
  minPoints,
  minSolutions: 0,
  minKudos: 0,
  minTenureDays: 0,
  skipsPremoderation,
});

/** A stored rank asking for nothing but its position. */
const rankRow = (name: string, position: number) => ({
  id: name,
  position,
  name,
  min_points: 0,
  min_solutions: 0,
  min_kudos: 0,
  min_tenure_days: 0,
  min_reliability: null as number | null,
  skips_premoderation: false,
  marks_any_solution: false,
});

describe('ranks, trust and the release job', () => {
  it('picks the highest rank whose every threshold is met', () => {
    const ranks = defaultRanks('en').map((r, position) => ({
      id: String(position),
      position,
      name: r.name,
      min_points: r.minPoints,
      min_solutions: r.minSolutions,
      min_kudos: r.minKudos,
      min_tenure_days: r.minTenureDays,
      min_reliability: r.minReliability,
      skips_premoderation: r.skipsPremoderation,
      marks_any_solution: r.marksAnySolution,
    }));
    const m = {
      member_id: 'm',
      points: 150,
      solutions: 1,
      kudos: 5,
      tenure_days: 29,
      sessions: 0,
      reliability: null,
    };
    expect(rankFor(ranks, m)?.name).toBe('Regular');
    expect(rankFor(ranks, { ...m, tenure_days: 30 })?.name).toBe('Contributor');
    expect(rankFor(ranks, { ...m, points: 0, tenure_days: 0 })?.name).toBe('Newcomer');
    expect(ranks.map((r) => r.marks_any_solution)).toEqual([false, false, false, false, true]);
  });

  it('asks for a reliability score when a rank sets one: a member not scored does not meet it', () => {
    const ranks = [
      { ...rankRow('Newcomer', 0), min_reliability: null },
      { ...rankRow('Reliable', 1), min_reliability: 70 },
    ];
    const m = { member_id: 'm', points: 0, solutions: 0, kudos: 0, tenure_days: 0, sessions: 0 };
    expect(rankFor(ranks, { ...m, reliability: null })?.name).toBe('Newcomer');
    expect(rankFor(ranks, { ...m, reliability: 69 })?.name).toBe('Newcomer');
    expect(rankFor(ranks, { ...m, reliability: 70 })?.name).toBe('Reliable');
  });

  it('lets a rank that skips pre-moderation post at once, and shows ranks next to pseudonyms', async () => {
    const { community, board, admin, member, other } = await supportCommunity();
    const { kernel } = await testApp();
    const settings = await loadSupportSettings(kernel.db, community.id);
    await transact(kernel, (trx) =>
      upsertSupportSettings(trx, community.id, {
        ...settings,
        newcomerPremoderation: true,
        newcomerDays: 30,
      }),
    );
    await updateRanks({
      ctx: await ctxFor(admin.user),
      community: community.id,
      input: { ranks: [rank('Seed', 0), rank('Trusted', 10, true)] },
    });
    const topic = await seedTopic(board, other.memberId);
    const ctx = await ctxFor(member.user);
    const post = () =>
      createReply({ ctx, community: community.id, topicId: topic.id, input: { body: 'Hello' } });
    expect((await post()).status).toBe('pending');
    await transact(kernel, (trx) =>
      upsertRewardsSettings(trx, community.id, { reviewHours: 0, pairDailyCap: 20, burstPoints: 200 }),
    );
    await seedAward(community.id, member.memberId);
    expect((await post()).status).toBe('published');
    const reply = await seedReply(topic, member.memberId);
    const page = await getTopic({
      ctx: await ctxFor(other.user),
      community: community.id,
      topicId: topic.id,
    });
    expect(page.author.rank).toBe('Seed');
    expect(page.replies.find((r) => r.id === reply.id)?.author.rank).toBe('Trusted');
  });

  it('releases awards whose review period ended, and only those', async () => {
    const { community, member } = await supportCommunity();
    const { kernel } = await testApp();
    await seedAward(community.id, member.memberId);
    expect(await releaseDueAwards(kernel)).toBe(0);
    expect(await releaseDueAwards(kernel, new Date(Date.now() + 73 * 3_600_000))).toBeGreaterThanOrEqual(1);
    expect(await findBalance(kernel.db, member.memberId)).toEqual({
      pending: 0,
      available: 15,
      lifetime: 15,
    });
    expect(await releaseDueAwards(kernel, new Date(Date.now() + 73 * 3_600_000))).toBe(0);
  });

  it('gives the one-year badge to members of a year, once', async () => {
    const { community, member, other } = await supportCommunity();
    const { kernel } = await testApp();
    await kernel.db
      .updateTable('memberships')
      .set({ joined_at: new Date(Date.now() - 400 * 86_400_000) })
      .where('id', '=', member.memberId)
      .execute();
    await grantAnniversaries(kernel);
    await grantAnniversaries(kernel);
    const badges = await listMemberBadgeRows(kernel.db, community.id, {
      memberId: member.memberId,
      withRevoked: true,
    });
    expect(badges.map((b) => b.rule)).toEqual(['one_year']);
    expect(
      await listMemberBadgeRows(kernel.db, community.id, { memberId: other.memberId, withRevoked: true }),
    ).toEqual([]);
  });
});
