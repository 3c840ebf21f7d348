import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, isolateTestApp, testApp } from '../../../../test/helpers.ts';
import { lastStoredEvent as storedEvent, seedAward } from '../../../../test/points-fixtures.ts';
import { seedReply, seedTopic, supportCommunity } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import type { StoredEvent } from '../../../platform/events/outbox.ts';
import { transact } from '../../../platform/kernel.ts';
import { moderateContent } from '../../moderation/commands/moderate-content.ts';
import { acceptSolution } from '../../support/commands/accept-solution.ts';
import { createReply } from '../../support/commands/create-reply.ts';
import { giveKudos } from '../../support/commands/give-kudos.ts';
import { adjustPoints } from '../commands/adjust-points.ts';
import { findBalance, findBalanceMismatches } from '../ledger.repository.ts';
import { upsertPointRules, upsertRewardsSettings } from '../points.repository.ts';
import { DEFAULT_RULES } from '../point-rules.ts';
import { awardPoints } from '../award-points.ts';
import { onAwardEvent, onReversalEvent } from './on-support-event.ts';

// A database of its own: on a shared PostgreSQL database another test file's dispatcher may be delivering
// this file's event while `settle` runs, so `settle` could return before the award is written.
beforeAll(async () => {
  await isolateTestApp();
});

/** Runs the outbox until nothing is pending (the subscribers under test included). */
async function settle() {
  const { kernel } = await testApp();
  await kernel.dispatcher.kick();
}

async function ledgerOf(memberId: string) {
  const { kernel } = await testApp();
  return kernel.db
    .selectFrom('points_ledger')
    .select(['kind', 'bucket', 'points', 'action', 'reason', 'source_type', 'source_id'])
    .where('member_id', '=', memberId)
    .orderBy('id')
    .execute();
}

async function noMismatch(communityId: string) {
  const { kernel } = await testApp();
  expect(await findBalanceMismatches(kernel.db, communityId)).toEqual([]);
}

describe('rewards subscribers', () => {
  it('awards a published reply once, however often its event is delivered, pending for the review period', async () => {
    const { community, board, member, other } = await supportCommunity();
    const { kernel } = await testApp();
    const topic = await seedTopic(board, member.memberId);
    const reply = await createReply({
      ctx: await ctxFor(other.user),
      community: community.id,
      topicId: topic.id,
      input: { body: 'Have you tried the reset button?' },
    });
    await settle();
    const event = await storedEvent(community.id, 'reply.created');
    await transact(kernel, (trx) => onAwardEvent(event, trx));
    await transact(kernel, (trx) => onAwardEvent(event, trx));
    expect(await ledgerOf(other.memberId)).toEqual([
      expect.objectContaining({
        kind: 'award',
        bucket: 'pending',
        points: 2,
        action: 'reply.posted',
        source_id: reply.id,
      }),
      // The first answer by someone else, within a day of the question.
      expect.objectContaining({
        kind: 'award',
        points: 3,
        action: 'question.answered_fast',
        source_id: reply.id,
      }),
    ]);
    const [award] = await kernel.db
      .selectFrom('points_ledger')
      .select(['release_at', 'created_at'])
      .where('member_id', '=', other.memberId)
      .execute();
    expect(award.release_at!.getTime() - award.created_at.getTime()).toBeGreaterThan(71 * 3_600_000);
    expect(await findBalance(kernel.db, other.memberId)).toEqual({ pending: 5, available: 0, lifetime: 0 });
    await noMismatch(community.id);
  });

  it('gives the fast-answer bonus only to the first answer by someone other than the asker', async () => {
    const { community, board, member, other, expert } = await supportCommunity();
    const topic = await seedTopic(board, member.memberId);
    for (const person of [member, other, expert]) {
      await createReply({
        ctx: await ctxFor(person.user),
        community: community.id,
        topicId: topic.id,
        input: { body: 'Some words.' },
      });
    }
    await settle();
    const fast = async (memberId: string) =>
      (await ledgerOf(memberId)).filter((r) => r.action === 'question.answered_fast').length;
    expect([await fast(member.memberId), await fast(other.memberId), await fast(expert.memberId)]).toEqual([
      0, 1, 0,
    ]);
    await noMismatch(community.id);
  });

  it('awards an accepted solution to its author and reverses it, visibly, when withdrawn', async () => {
    const { community, board, member, other } = await supportCommunity();
    const { kernel } = await testApp();
    const topic = await seedTopic(board, member.memberId);
    const reply = await seedReply(topic, other.memberId);
    await acceptSolution({
      ctx: await ctxFor(member.user),
      community: community.id,
      replyId: reply.id,
      input: { accepted: true },
    });
    await settle();
    const accepted = await storedEvent(community.id, 'solution.accepted');
    await transact(kernel, (trx) => onAwardEvent(accepted, trx));
    expect(await findBalance(kernel.db, other.memberId)).toMatchObject({ pending: 15 });
    await acceptSolution({
      ctx: await ctxFor(member.user),
      community: community.id,
      replyId: reply.id,
      input: { accepted: false },
    });
    await settle();
    const withdrawn = await storedEvent(community.id, 'solution.unaccepted');
    await transact(kernel, (trx) => onReversalEvent(withdrawn, trx));
    expect(await ledgerOf(other.memberId)).toEqual([
      expect.objectContaining({ kind: 'award', points: 15, action: 'solution.accepted' }),
      expect.objectContaining({
        kind: 'reversal',
        bucket: 'pending',
        points: -15,
        reason: 'solution.unaccepted',
      }),
    ]);
    expect(await findBalance(kernel.db, other.memberId)).toEqual({ pending: 0, available: 0, lifetime: 0 });
    await noMismatch(community.id);
  });

  it('awards kudos to the receiver, capped per giver and receiver per day', async () => {
    const { community, board, member, other } = await supportCommunity();
    const { kernel } = await testApp();
    const topic = await seedTopic(board, member.memberId);
    const reply = await seedReply(topic, other.memberId);
    await giveKudos({
      ctx: await ctxFor(member.user),
      community: community.id,
      input: { targetType: 'reply', targetId: reply.id },
    });
    await settle();
    expect(await ledgerOf(other.memberId)).toEqual([
      expect.objectContaining({ kind: 'award', points: 4, action: 'kudos.received', source_type: 'reply' }),
    ]);
    // The default pair cap is 20 points a day: four more kudos' worth at most from the same giver.
    for (let i = 0; i < 6; i++)
      await seedAward(community.id, other.memberId, {
        action: 'kudos.received',
        counterpartId: member.memberId,
      });
    expect(await findBalance(kernel.db, other.memberId)).toMatchObject({ pending: 20 });
    // Never to oneself.
    expect(
      await seedAward(community.id, other.memberId, {
        action: 'kudos.received',
        counterpartId: other.memberId,
      }),
    ).toBeNull();
    await noMismatch(community.id);
  });

  it('honours the daily cap of an action, its switch and a review period of zero', async () => {
    const { community, member } = await supportCommunity();
    const { kernel } = await testApp();
    await transact(kernel, (trx) =>
      upsertPointRules(trx, community.id, [
        { action: 'reply.posted', points: 2, dailyCap: 5, enabled: true, declaredAmount: false },
        { action: 'topic.posted', points: 1, dailyCap: null, enabled: false, declaredAmount: false },
      ]),
    );
    const amounts = [];
    for (let i = 0; i < 4; i++)
      amounts.push(
        (await seedAward(community.id, member.memberId, { action: 'reply.posted' }))?.points ?? null,
      );
    expect(amounts).toEqual([2, 2, 1, null]);
    expect(await seedAward(community.id, member.memberId, { action: 'topic.posted' })).toBeNull();
    await transact(kernel, (trx) =>
      upsertRewardsSettings(trx, community.id, { reviewHours: 0, pairDailyCap: 20, burstPoints: 200 }),
    );
    await seedAward(community.id, member.memberId, { action: 'solution.accepted' });
    expect(await findBalance(kernel.db, member.memberId)).toEqual({
      pending: 5,
      available: 15,
      lifetime: 15,
    });
    expect(DEFAULT_RULES['solution.accepted'].points).toBe(15);
    await noMismatch(community.id);
  });

  it('pays an amount a survey or a session declares, and its rule’s amount otherwise', async () => {
    const { community, member } = await supportCommunity();
    const { kernel } = await testApp();
    const award = (action: 'survey.completed' | 'reply.posted', declaredPoints: number) =>
      transact(kernel, (trx) =>
        awardPoints(trx, {
          communityId: community.id,
          memberId: member.memberId,
          action,
          sourceEventId: newId(),
          sourceType: 'survey',
          sourceId: newId(),
          declaredPoints,
        }),
      );
    expect((await award('survey.completed', 35))?.points).toBe(35);
    // A reply's amount is the rule's, whatever the source says.
    expect((await award('reply.posted', 35))?.points).toBe(2);
    await noMismatch(community.id);
  });

  it('reverses a hidden post’s points, only what is still available once released and spent', async () => {
    const { community, board, member, other, moderator } = await supportCommunity();
    const { kernel } = await testApp();
    await transact(kernel, (trx) =>
      upsertRewardsSettings(trx, community.id, { reviewHours: 0, pairDailyCap: 20, burstPoints: 200 }),
    );
    const topic = await seedTopic(board, member.memberId);
    const reply = await seedReply(topic, other.memberId);
    await seedAward(community.id, other.memberId, { action: 'solution.accepted', sourceId: reply.id });
    // The member spends 10 of their 15 available points.
    await adjustPoints({
      ctx: await ctxFor(moderator.user),
      community: community.id,
      input: { memberId: other.memberId, points: -10, reason: 'Spent' },
    });
    await moderateContent({
      ctx: await ctxFor(moderator.user),
      community: community.id,
      input: { targetType: 'reply', targetId: reply.id, action: 'hide' },
    });
    await settle();
    const hidden = await storedEvent(community.id, 'content.hidden');
    await transact(kernel, (trx) => onReversalEvent(hidden, trx));
    expect((await ledgerOf(other.memberId)).filter((r) => r.kind === 'reversal')).toEqual([
      expect.objectContaining({ bucket: 'available', points: -5, reason: 'content.hidden' }),
    ]);
    expect(await findBalance(kernel.db, other.memberId)).toEqual({ pending: 0, available: 0, lifetime: 0 });
    await noMismatch(community.id);
  });

  it('flags a sudden burst of points for staff, once while the flag is open', async () => {
    const { community, member } = await supportCommunity();
    const { kernel } = await testApp();
    await transact(kernel, (trx) =>
      upsertRewardsSettings(trx, community.id, { reviewHours: 72, pairDailyCap: 20, burstPoints: 40 }),
    );
    for (let i = 0; i < 4; i++)
      await seedAward(community.id, member.memberId, { action: 'solution.accepted' });
    const flags = await kernel.db
      .selectFrom('points_flags')
      .select(['points_in_hour', 'threshold'])
      .where('member_id', '=', member.memberId)
      .execute();
    expect(flags).toEqual([{ points_in_hour: 45, threshold: 40 }]);
  });

  it('keeps every balance equal to the ledger under concurrent awards and replays', async () => {
    const { community, member, other } = await supportCommunity();
    const { kernel } = await testApp();
    const event: StoredEvent = {
      id: newId(),
      type: 'kudos.given',
      communityId: community.id,
      actorUserId: null,
      payload: {
        communityId: community.id,
        targetType: 'reply',
        targetId: newId(),
        giverId: other.memberId,
        receiverId: member.memberId,
      },
      createdAt: new Date(),
    };
    // Twenty replies' awards (2 points each, exactly the daily cap of 40) and one event delivered five
    // times, all at once: on PostgreSQL they really race, on PGlite they queue.
    const results = await Promise.all([
      ...Array.from({ length: 20 }, () =>
        seedAward(community.id, member.memberId, { action: 'reply.posted' }),
      ),
      ...Array.from({ length: 5 }, () => transact(kernel, (trx) => onAwardEvent(event, trx))),
    ]);
    expect(results.slice(0, 20).map((r) => r?.points)).toEqual(Array.from({ length: 20 }, () => 2));
    expect(await seedAward(community.id, member.memberId, { action: 'reply.posted' })).toBeNull();
    expect(await findBalance(kernel.db, member.memberId)).toEqual({ pending: 44, available: 0, lifetime: 0 });
    await noMismatch(community.id);
  });
});
