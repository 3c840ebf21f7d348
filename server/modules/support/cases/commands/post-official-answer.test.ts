import { beforeAll, describe, expect, it } from 'vitest';
import { caseCommunity, caseRow, mailsTo, seedCase } from '../../../../../test/case-fixtures.ts';
import {
  auditRowsOf,
  ctxFor,
  expectAppError,
  outboxEventsOf,
  plainUser,
  testApp,
} from '../../../../../test/helpers.ts';
import { seedTopic, topicRow, updateTopicRow } from '../../../../../test/support-fixtures.ts';
import { newId } from '../../../../platform/db/ids.ts';
import { getTopic } from '../../commands/get-topic.ts';
import { postOfficialAnswer } from './post-official-answer.ts';

// Migrating the test database can be slow on a busy machine: do it before the first test's clock starts.
beforeAll(() => testApp(), 180_000);

async function withCase() {
  const fixture = await caseCommunity();
  const found = await seedCase(fixture.topic);
  return { ...fixture, found };
}

describe('postOfficialAnswer', () => {
  it('rejects bad input with the field paths', async () => {
    const { community, agent, found } = await withCase();
    const ctx = await ctxFor(agent.user);
    const cases: [unknown, string][] = [
      [{}, '/body'],
      [{ body: '' }, '/body'],
      [{ body: '  \n ' }, '/body'],
      [{ body: 'Hello', status: 'open' }, '/status'],
      [{ body: 'Hello', official: false }, '/official'],
    ];
    for (const [input, path] of cases) {
      await expectAppError(
        postOfficialAnswer({ ctx, community: community.slug, caseId: found.id, input }),
        'validation_failed',
        path,
      );
    }
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('reports unknown and foreign cases as not found', async () => {
    const { community, agent, elsewhere } = await withCase();
    const foreign = await seedCase(await seedTopic(elsewhere.board, elsewhere.member.memberId));
    const ctx = await ctxFor(agent.user);
    for (const caseId of ['nope', newId(), foreign.id]) {
      await expectAppError(
        postOfficialAnswer({ ctx, community: community.slug, caseId, input: { body: 'Hi' } }),
        'not_found',
      );
    }
  });

  it('refuses members, observers without the ability, other agents and platform admins without a membership', async () => {
    const { community, member, other, expert, observer, foreignAgent, found } = await withCase();
    const input = { body: 'Official?' };
    await expectAppError(
      postOfficialAnswer({ ctx: await ctxFor(null), community: community.slug, caseId: found.id, input }),
      'unauthenticated',
    );
    for (const person of [
      member,
      other,
      expert,
      observer,
      foreignAgent,
      { user: await plainUser({ platformAdmin: true }) },
    ]) {
      await expectAppError(
        postOfficialAnswer({
          ctx: await ctxFor(person.user),
          community: community.slug,
          caseId: found.id,
          input,
        }),
        'forbidden',
      );
    }
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('refuses to answer a question that is no longer published', async () => {
    const { community, agent, found, topic } = await withCase();
    await updateTopicRow(topic.id, { status: 'hidden' });
    await expectAppError(
      postOfficialAnswer({
        ctx: await ctxFor(agent.user),
        community: community.slug,
        caseId: found.id,
        input: { body: 'Hi' },
      }),
      'conflict',
    );
  });

  it('posts an official reply as an observer-agent, assigns them, solves the case and tells the asker', async () => {
    const { community, member, agent, found, topic } = await withCase();
    const detail = await postOfficialAnswer({
      ctx: await ctxFor(agent.user),
      community: community.slug,
      caseId: found.id,
      input: { body: 'Grease the **chain**.', status: 'solved' },
    });
    expect(detail).toMatchObject({
      status: 'solved',
      statusLabel: 'Solved',
      assignee: { id: agent.memberId },
    });
    expect(detail.history.map((h) => h.kind)).toEqual(['answered', 'status_changed', 'assigned']);
    expect((await caseRow(found.id)).solved_at).not.toBeNull();
    expect((await topicRow(topic.id)).replies_count).toBe(1);

    const page = await getTopic({
      ctx: await ctxFor(member.user),
      community: community.slug,
      topicId: topic.id,
    });
    expect(page.replies).toHaveLength(1);
    expect(page.replies[0]).toMatchObject({
      official: true,
      author: { id: agent.memberId, role: 'observer' },
    });
    expect(page.case).toMatchObject({ status: 'solved', statusLabel: 'Solved' });
    // The answer that solved the case is the question's solution: the topic says "solved" too.
    expect(page.solved).toBe(true);
    expect(page.solutions.map((r) => r.id)).toEqual([page.replies[0].id]);
    expect((await topicRow(topic.id)).solved).toBe(true);

    const events = await outboxEventsOf(community.id);
    expect(events.map((e) => e.type)).toEqual([
      'reply.created',
      'solution.accepted',
      'case.status_changed',
      'case.assigned',
    ]);
    expect(events[0].payload).toMatchObject({ topicId: topic.id, authorId: agent.memberId, official: true });
    expect(events[1].payload).toMatchObject({ topicId: topic.id, replyAuthorId: agent.memberId });
    expect(events[2].payload).toMatchObject({ from: 'new', to: 'solved' });
    // Other areas may email the asker about the reply too (notifications); the case email is ours.
    const mails = (await mailsTo(member.user.email)).filter((m) => m.kind.startsWith('case.'));
    expect(mails.map((m) => m.kind)).toEqual(['case.status_changed']);
    expect(mails[0].text_body).toContain('Statut du cas : Résolu');
    expect((await auditRowsOf(community.id)).map((r) => [r.action, r.target_id])).toEqual([
      ['case.answer', found.id],
    ]);
  });

  it('waits for the member by default and keeps an existing assignee', async () => {
    const { community, moderator, agent, topic } = await caseCommunity();
    const found = await seedCase(topic, { status: 'open', assignee_id: agent.memberId });
    const detail = await postOfficialAnswer({
      ctx: await ctxFor(moderator.user),
      community: community.slug,
      caseId: found.id,
      input: { body: 'Could you send a photo?' },
    });
    expect(detail).toMatchObject({ status: 'waiting_for_member', assignee: { id: agent.memberId } });
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toEqual([
      'reply.created',
      'case.status_changed',
    ]);
  });
});
