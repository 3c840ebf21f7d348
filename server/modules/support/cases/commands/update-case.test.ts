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
import { seedTopic } from '../../../../../test/support-fixtures.ts';
import { newId } from '../../../../platform/db/ids.ts';
import { updateCase } from './update-case.ts';

async function withCase() {
  const fixture = await caseCommunity();
  const found = await seedCase(fixture.topic);
  return { ...fixture, found };
}

// Migrating the test database can be slow on a busy machine: do it before the first test's clock starts.
beforeAll(() => testApp(), 180_000);

describe('updateCase', () => {
  it('rejects bad input with the field paths', async () => {
    const { community, agent, found } = await withCase();
    const ctx = await ctxFor(agent.user);
    const cases: [unknown, string][] = [
      [{}, ''],
      [{ status: 'closed' }, '/status'],
      [{ assigneeId: 'someone' }, '/assigneeId'],
      [{ note: '' }, '/note'],
      [{ note: '   ' }, '/note'],
      [{ note: 'x'.repeat(10_001) }, '/note'],
      [{ status: 'open', extra: true }, '/extra'],
    ];
    for (const [input, path] of cases) {
      await expectAppError(
        updateCase({ ctx, community: community.slug, caseId: found.id, input }),
        'validation_failed',
        path || undefined,
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
        updateCase({ ctx, community: community.slug, caseId, input: { status: 'open' } }),
        'not_found',
      );
    }
  });

  it('refuses anyone who does not work cases here, and assignees who do not', async () => {
    const { community, member, other, expert, observer, foreignAgent, agent, found } = await withCase();
    await expectAppError(
      updateCase({
        ctx: await ctxFor(null),
        community: community.slug,
        caseId: found.id,
        input: { status: 'open' },
      }),
      'unauthenticated',
    );
    for (const person of [member, other, expert, observer, foreignAgent, { user: await plainUser() }]) {
      await expectAppError(
        updateCase({
          ctx: await ctxFor(person.user),
          community: community.slug,
          caseId: found.id,
          input: { status: 'open' },
        }),
        'forbidden',
      );
    }
    const ctx = await ctxFor(agent.user);
    for (const assigneeId of [expert.memberId, observer.memberId, foreignAgent.memberId, newId()]) {
      await expectAppError(
        updateCase({ ctx, community: community.slug, caseId: found.id, input: { assigneeId } }),
        'validation_failed',
        '/assigneeId',
      );
    }
    expect(await outboxEventsOf(community.id)).toEqual([]);
    expect((await caseRow(found.id)).status).toBe('new');
  });

  it('changes status, assignee and adds a note: events, history, email to the asker, audit', async () => {
    const { community, member, moderator, agent, found, topic } = await withCase();
    const detail = await updateCase({
      ctx: await ctxFor(agent.user),
      community: community.slug,
      caseId: found.id,
      input: { status: 'open', assigneeId: moderator.memberId, note: 'Asked the workshop.' },
    });
    expect(detail).toMatchObject({
      status: 'open',
      statusLabel: 'In progress',
      assignee: { id: moderator.memberId },
      notes: [{ body: 'Asked the workshop.', author: { id: agent.memberId } }],
    });
    expect(detail.history.map((h) => [h.kind, h.from, h.to])).toEqual([
      ['status_changed', 'new', 'open'],
      ['assigned', null, moderator.memberId],
      ['note_added', null, null],
    ]);
    const events = await outboxEventsOf(community.id);
    expect(events.map((e) => e.type)).toEqual(['case.status_changed', 'case.assigned', 'case.note_added']);
    expect(events[0].payload).toEqual({
      communityId: community.id,
      caseId: found.id,
      topicId: topic.id,
      topicAuthorId: member.memberId,
      from: 'new',
      to: 'open',
    });
    expect(JSON.stringify(events)).not.toContain('Asked the workshop');
    const mails = await mailsTo(member.user.email);
    expect(mails.map((m) => m.kind)).toEqual(['case.status_changed']);
    expect(mails[0].text_body).toContain('Statut du cas : En cours');
    expect((await auditRowsOf(community.id)).map((r) => [r.action, r.target_id])).toEqual([
      ['case.update', found.id],
    ]);

    // Solving sets solved_at; unassigning with null; an unchanged status writes nothing more.
    const solved = await updateCase({
      ctx: await ctxFor(moderator.user),
      community: community.slug,
      caseId: found.id,
      input: { status: 'solved', assigneeId: null },
    });
    expect(solved).toMatchObject({ status: 'solved', assignee: null });
    expect((await caseRow(found.id)).solved_at).not.toBeNull();
    await updateCase({
      ctx: await ctxFor(moderator.user),
      community: community.slug,
      caseId: found.id,
      input: { status: 'solved' },
    });
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toEqual([
      'case.status_changed',
      'case.assigned',
      'case.note_added',
      'case.status_changed',
      'case.assigned',
    ]);
    expect((await mailsTo(member.user.email)).map((m) => m.kind)).toEqual([
      'case.status_changed',
      'case.status_changed',
    ]);
  });

  it('opens a new case when it is assigned, unless another status is chosen', async () => {
    const { community, board, member, moderator, agent, found } = await withCase();
    const ctx = await ctxFor(moderator.user);
    const detail = await updateCase({
      ctx,
      community: community.slug,
      caseId: found.id,
      input: { status: 'new', assigneeId: agent.memberId },
    });
    expect(detail).toMatchObject({ status: 'open', assignee: { id: agent.memberId } });
    const events = await outboxEventsOf(community.id);
    expect(events.map((e) => e.type)).toEqual(['case.status_changed', 'case.assigned']);
    expect(events[0].payload).toMatchObject({ from: 'new', to: 'open' });

    const other = await seedCase(await seedTopic(board, member.memberId));
    const waiting = await updateCase({
      ctx,
      community: community.slug,
      caseId: other.id,
      input: { status: 'waiting_for_member', assigneeId: agent.memberId },
    });
    expect(waiting.status).toBe('waiting_for_member');
  });

  it('lets a platform admin work a case but not write a note without a membership', async () => {
    const { community, found } = await withCase();
    const ctx = await ctxFor(await plainUser({ platformAdmin: true }));
    const detail = await updateCase({
      ctx,
      community: community.slug,
      caseId: found.id,
      input: { status: 'open' },
    });
    expect(detail.status).toBe('open');
    await expectAppError(
      updateCase({ ctx, community: community.slug, caseId: found.id, input: { note: 'Hello' } }),
      'validation_failed',
      '/note',
    );
  });
});
