import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, testApp } from '../../../../test/helpers.ts';
import { lastStoredEvent, seedAward } from '../../../../test/points-fixtures.ts';
import { seedReply, seedTopic, supportCommunity } from '../../../../test/support-fixtures.ts';
import { transact } from '../../../platform/kernel.ts';
import { moderateContent } from '../../moderation/commands/moderate-content.ts';
import { listPointsLedger } from '../commands/list-points-ledger.ts';
import { releaseDueAwards } from '../jobs/release-due-awards.ts';
import { findBalance, findBalanceMismatches } from '../ledger.repository.ts';
import { onReversalEvent } from './on-support-event.ts';

beforeAll(async () => {
  await testApp();
});

/** A moderator's action on a reply, then the reversal subscriber on its event (delivered twice). */
async function moderate(
  fixture: Awaited<ReturnType<typeof supportCommunity>>,
  replyId: string,
  action: 'hide' | 'restore',
) {
  const { kernel } = await testApp();
  await moderateContent({
    ctx: await ctxFor(fixture.moderator.user),
    community: fixture.community.id,
    input: { targetType: 'reply', targetId: replyId, action },
  });
  const event = await lastStoredEvent(
    fixture.community.id,
    action === 'hide' ? 'content.hidden' : 'content.restored',
  );
  await transact(kernel, (trx) => onReversalEvent(event, trx));
  await transact(kernel, (trx) => onReversalEvent(event, trx));
  return event;
}

/** The ids of the awards in the release queue for a member. */
async function queued(memberId: string) {
  const { kernel } = await testApp();
  const rows = await kernel.db
    .selectFrom('points_awards_due as d')
    .innerJoin('points_ledger as a', 'a.id', 'd.award_id')
    .select('d.award_id')
    .where('a.member_id', '=', memberId)
    .execute();
  return rows.map((r) => r.award_id);
}

describe('restored content earns again', () => {
  it('writes a new award per restore, paid once per restore event, and visible in the history', async () => {
    const fixture = await supportCommunity();
    const { community, board, member, other } = fixture;
    const { kernel } = await testApp();
    const topic = await seedTopic(board, member.memberId);
    const reply = await seedReply(topic, other.memberId);
    const first = await seedAward(community.id, other.memberId, {
      action: 'solution.accepted',
      sourceId: reply.id,
    });
    expect(await queued(other.memberId)).toEqual([first!.id]);

    await moderate(fixture, reply.id, 'hide');
    expect(await findBalance(kernel.db, other.memberId)).toEqual({ pending: 0, available: 0, lifetime: 0 });
    // The reversal settled the award: it left the release queue.
    expect(await queued(other.memberId)).toEqual([]);

    const restore = await moderate(fixture, reply.id, 'restore');
    expect(await findBalance(kernel.db, other.memberId)).toEqual({ pending: 15, available: 0, lifetime: 0 });
    const history = await listPointsLedger({
      ctx: await ctxFor(other.user),
      community: community.id,
      query: { kind: 'award' },
    });
    expect(history.items.map((e) => [e.points, e.status, e.reason])).toEqual([
      [15, 'pending', 'content.restored'],
      [15, 'reversed', null],
    ]);
    const again = history.items[0];
    expect(await queued(other.memberId)).toEqual([again.id]);
    const row = await kernel.db
      .selectFrom('points_ledger')
      .select(['idempotency_key', 'source_event_id', 'source_id', 'action'])
      .where('id', '=', again.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      idempotency_key: `restore:${restore.id}:${first!.id}`,
      source_event_id: restore.id,
      source_id: reply.id,
      action: 'solution.accepted',
    });

    // Hidden and restored a second time: it earns once more, from the award the first restore wrote.
    await moderate(fixture, reply.id, 'hide');
    expect(await findBalance(kernel.db, other.memberId)).toEqual({ pending: 0, available: 0, lifetime: 0 });
    await moderate(fixture, reply.id, 'restore');
    expect(await findBalance(kernel.db, other.memberId)).toEqual({ pending: 15, available: 0, lifetime: 0 });

    // The review period passes: the restored award is released by the job, like any award (on PostgreSQL
    // the database is shared with other test files: the job may release their awards too).
    expect(await releaseDueAwards(kernel, new Date(Date.now() + 73 * 3_600_000))).toBeGreaterThanOrEqual(1);
    expect(await findBalance(kernel.db, other.memberId)).toEqual({ pending: 0, available: 15, lifetime: 15 });
    expect(await queued(other.memberId)).toEqual([]);
    expect(await findBalanceMismatches(kernel.db, community.id)).toEqual([]);
  });
});
