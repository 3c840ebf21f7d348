import { beforeAll, describe, expect, it } from 'vitest';
import {
  ctxFor,
  expectAppError,
  outboxEventsOf,
  plainUser,
  testApp,
  waitFor,
} from '../../../../test/helpers.ts';
import { seedBoard, seedTopic, supportCommunity } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { createTopic } from '../../support/commands/create-topic.ts';
import { recordDeflectionView } from './record-deflection-view.ts';

async function viewsOf(memberId: string) {
  const { kernel } = await testApp();
  return kernel.db
    .selectFrom('deflection_views')
    .selectAll()
    .where('member_id', '=', memberId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Whether a `topic.created` event of the community still waits for its subscribers. */
async function undispatchedTopicEvents(communityId: string) {
  const { kernel } = await testApp();
  return kernel.db
    .selectFrom('outbox_events')
    .select('id')
    .where('community_id', '=', communityId)
    .where('type', '=', 'topic.created')
    .where('dispatched_at', 'is', null)
    .executeTakeFirst();
}

describe('recordDeflectionView', () => {
  // The worker's kernel (migrations included) starts under the hook's longer timeout.
  beforeAll(() => testApp());

  it('rejects a malformed topic id and a missing or blank title', async () => {
    const { community, member, board } = await supportCommunity();
    const topic = await seedTopic(board, member.memberId, { solved: true });
    const ctx = await ctxFor(member.user);
    const record = (input: unknown) => recordDeflectionView({ ctx, community: community.slug, input });
    await expectAppError(record({ topicId: 'nope', title: 'Mon écran' }), 'validation_failed', '/topicId');
    await expectAppError(record({ topicId: topic.id }), 'validation_failed', '/title');
    await expectAppError(record({ topicId: topic.id, title: '   ' }), 'validation_failed', '/title');
    await expectAppError(
      record({ topicId: topic.id, title: 'x'.repeat(201) }),
      'validation_failed',
      '/title',
    );
    await expectAppError(record({ topicId: topic.id, title: 'ok', extra: 1 }), 'validation_failed', '/extra');
    expect(await viewsOf(member.memberId)).toEqual([]);
  });

  it('reports unknown topics, another community’s and unreadable ones as not found', async () => {
    const { community, member, moderator } = await supportCommunity();
    const other = await supportCommunity();
    const staffBoard = await seedBoard(community.id, { visibility: 'staff' });
    const staffTopic = await seedTopic(staffBoard, moderator.memberId, { solved: true });
    const foreign = await seedTopic(other.board, other.member.memberId, { solved: true });
    const ctx = await ctxFor(member.user);
    for (const topicId of [newId(), staffTopic.id, foreign.id])
      await expectAppError(
        recordDeflectionView({ ctx, community: community.slug, input: { topicId, title: 'Écran noir' } }),
        'not_found',
      );
  });

  it('refuses anonymous visitors, non-members and observers', async () => {
    const { community, board, member, observer } = await supportCommunity();
    const topic = await seedTopic(board, member.memberId, { solved: true });
    const input = { topicId: topic.id, title: 'Écran noir' };
    await expectAppError(
      recordDeflectionView({ ctx: await ctxFor(null), community: community.slug, input }),
      'unauthenticated',
    );
    for (const user of [await plainUser(), observer.user])
      await expectAppError(
        recordDeflectionView({ ctx: await ctxFor(user), community: community.slug, input }),
        'forbidden',
      );
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('records the view, groups one member’s views of the hour into one attempt (a question opened again counts once) and emits deflection.viewed', async () => {
    const { community, board, member, other, expert } = await supportCommunity();
    const first = await seedTopic(board, expert.memberId, { solved: true });
    const second = await seedTopic(board, expert.memberId, { solved: true });
    const ctx = await ctxFor(member.user);
    const a = await recordDeflectionView({
      ctx,
      community: community.slug,
      input: { topicId: first.id, title: '  Écran noir  ' },
    });
    const b = await recordDeflectionView({
      ctx,
      community: community.id,
      input: { topicId: second.id, title: 'Écran noir au démarrage' },
    });
    const c = await recordDeflectionView({
      ctx: await ctxFor(other.user),
      community: community.slug,
      input: { topicId: first.id, title: 'Écran' },
    });
    const again = await recordDeflectionView({
      ctx,
      community: community.slug,
      input: { topicId: first.id, title: 'Écran noir encore' },
    });
    expect(again).toEqual(a);
    expect(a).toMatchObject({ topicId: first.id, attemptId: a.id });
    expect(b.attemptId).toBe(a.id);
    expect(c.attemptId).toBe(c.id);
    const rows = await viewsOf(member.memberId);
    expect(rows.map((r) => [r.query_title, r.converted, r.posted_topic_id])).toEqual([
      ['Écran noir', false, null],
      ['Écran noir au démarrage', false, null],
    ]);
    const events = await outboxEventsOf(community.id);
    expect(events.map((e) => e.type)).toEqual([
      'deflection.viewed',
      'deflection.viewed',
      'deflection.viewed',
    ]);
    expect(events[0]).toMatchObject({
      actor: member.user.userId,
      payload: { viewId: a.id, attemptId: a.id, memberId: member.memberId, topicId: first.id },
    });
  });

  it('converts the attempt when the member posts a topic within the hour, and only that member’s', async () => {
    const { community, board, member, other, expert } = await supportCommunity();
    const solved = await seedTopic(board, expert.memberId, { solved: true });
    const another = await seedTopic(board, expert.memberId, { solved: true });
    const input = { topicId: solved.id, title: 'Imprimante bloquée' };
    await recordDeflectionView({ ctx: await ctxFor(member.user), community: community.slug, input });
    await recordDeflectionView({ ctx: await ctxFor(other.user), community: community.slug, input });
    const { kernel } = await testApp();
    const old = await recordDeflectionView({
      ctx: await ctxFor(other.user),
      community: community.slug,
      input: { ...input, topicId: another.id },
    });
    await kernel.db
      .updateTable('deflection_views')
      .set({ created_at: new Date(Date.now() - 3 * 3600_000) })
      .where('member_id', '=', other.memberId)
      .execute();
    const posted = await createTopic({
      ctx: await ctxFor(member.user),
      community: community.slug,
      board: 'help',
      input: { title: 'Imprimante toujours bloquée', body: 'Rien n’y fait.' },
    });
    await waitFor(async () => (await viewsOf(member.memberId))[0]?.converted);
    expect((await viewsOf(member.memberId)).map((r) => [r.converted, r.posted_topic_id])).toEqual([
      [true, posted.id],
    ]);
    await createTopic({
      ctx: await ctxFor(other.user),
      community: community.slug,
      board: 'help',
      input: { title: 'Imprimante encore bloquée', body: 'Toujours pas.' },
    });
    await waitFor(async () => !(await undispatchedTopicEvents(community.id)));
    const others = await viewsOf(other.memberId);
    expect(others.map((r) => r.converted)).toEqual([false, false]);
    expect(others.map((r) => r.id)).toContain(old.id);
  });
});
