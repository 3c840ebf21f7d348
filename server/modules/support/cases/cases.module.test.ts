import { beforeAll, describe, expect, it } from 'vitest';
import { caseCommunity, caseRow, mailsTo, seedCase } from '../../../../test/case-fixtures.ts';
import { ctxFor, outboxEventsOf, testApp, waitFor } from '../../../../test/helpers.ts';
import { seedReply, seedTopic } from '../../../../test/support-fixtures.ts';
import { acceptSolution } from '../commands/accept-solution.ts';

// Migrating the test database can be slow on a busy machine: do it before the first test's clock starts.
beforeAll(() => testApp(), 180_000);

describe('cases subscriber on solution.accepted', () => {
  it('solves the case of a question when its asker accepts a solution, and tells them', async () => {
    const { community, member, other, topic } = await caseCommunity();
    const found = await seedCase(topic, { status: 'waiting_for_member' });
    const reply = await seedReply(topic, other.memberId);
    await acceptSolution({
      ctx: await ctxFor(member.user),
      community: community.slug,
      replyId: reply.id,
      input: { accepted: true },
    });
    await waitFor(async () => (await caseRow(found.id)).status === 'solved');
    expect((await caseRow(found.id)).solved_at).not.toBeNull();
    const changed = await waitFor(async () =>
      (await outboxEventsOf(community.id)).find((e) => e.type === 'case.status_changed'),
    );
    expect(changed.payload).toMatchObject({ caseId: found.id, from: 'waiting_for_member', to: 'solved' });
    const mails = await waitFor(async () => {
      const rows = (await mailsTo(member.user.email)).filter((m) => m.kind === 'case.status_changed');
      return rows.length > 0 && rows;
    });
    expect(mails[0].text_body).toContain('Résolu');
  });

  it('leaves questions without a case, and solved cases, alone', async () => {
    const { community, board, member, other, moderator } = await caseCommunity();
    const plain = await seedTopic(board, member.memberId);
    const solvedTopic = await seedTopic(board, member.memberId);
    const solved = await seedCase(solvedTopic, { status: 'solved', solved_at: '2024-01-01T00:00:00Z' });
    for (const topic of [plain, solvedTopic]) {
      const reply = await seedReply(topic, other.memberId);
      await acceptSolution({
        ctx: await ctxFor(moderator.user),
        community: community.slug,
        replyId: reply.id,
        input: { accepted: true },
      });
    }
    const { kernel } = await testApp();
    await kernel.dispatcher.kick();
    await waitFor(async () => {
      const pending = await kernel.db
        .selectFrom('outbox_events')
        .select('id')
        .where('community_id', '=', community.id)
        .where('dispatched_at', 'is', null)
        .executeTakeFirst();
      return !pending;
    });
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).not.toContain('case.status_changed');
    expect(new Date((await caseRow(solved.id)).solved_at!).toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });
});
