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
import { seedBoard, seedTopic } from '../../../../../test/support-fixtures.ts';
import { newId } from '../../../../platform/db/ids.ts';
import { escalateTopic } from './escalate-topic.ts';

// Migrating the test database can be slow on a busy machine: do it before the first test's clock starts.
beforeAll(() => testApp(), 180_000);

describe('escalateTopic', () => {
  it('rejects options it does not know', async () => {
    const { community, member, topic } = await caseCommunity();
    await expectAppError(
      escalateTopic({
        ctx: await ctxFor(member.user),
        community: community.slug,
        topicId: topic.id,
        input: { urgent: true },
      }),
      'validation_failed',
      '/urgent',
    );
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('reports unknown, foreign and unreadable topics as not found', async () => {
    const { community, member, moderator, elsewhere } = await caseCommunity();
    const foreign = await seedTopic(elsewhere.board, elsewhere.member.memberId);
    const staffTopic = await seedTopic(
      await seedBoard(community.id, { visibility: 'staff' }),
      moderator.memberId,
    );
    const ctx = await ctxFor(member.user);
    for (const topicId of ['not-a-uuid', newId(), foreign.id, staffTopic.id]) {
      await expectAppError(escalateTopic({ ctx, community: community.slug, topicId }), 'not_found');
    }
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('refuses anonymous visitors, other members, experts, observers and agents, and discussions', async () => {
    const { community, board, member, other, expert, observer, agent, topic } = await caseCommunity();
    await expectAppError(
      escalateTopic({ ctx: await ctxFor(null), community: community.slug, topicId: topic.id }),
      'unauthenticated',
    );
    for (const person of [other, expert, observer, agent]) {
      await expectAppError(
        escalateTopic({ ctx: await ctxFor(person.user), community: community.slug, topicId: topic.id }),
        'forbidden',
      );
    }
    const discussion = await seedTopic(board, member.memberId, { kind: 'discussion' });
    await expectAppError(
      escalateTopic({ ctx: await ctxFor(member.user), community: community.slug, topicId: discussion.id }),
      'forbidden',
    );
    const nonMember = await plainUser();
    await expectAppError(
      escalateTopic({ ctx: await ctxFor(nonMember), community: community.slug, topicId: topic.id }),
      'forbidden',
    );
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('lets the asker escalate: a new case, case.opened, an email with the status label, no audit', async () => {
    const { community, member, topic } = await caseCommunity();
    const badge = await escalateTopic({
      ctx: await ctxFor(member.user),
      community: community.slug,
      topicId: topic.id,
    });
    expect(badge).toMatchObject({ status: 'new', statusLabel: 'New' });
    const row = await caseRow(badge.id);
    expect(row).toMatchObject({ topic_id: topic.id, status: 'new', opened_by: 'author', assignee_id: null });
    expect(await outboxEventsOf(community.id)).toEqual([
      {
        type: 'case.opened',
        actor: member.user.userId,
        payload: {
          communityId: community.id,
          caseId: badge.id,
          topicId: topic.id,
          topicAuthorId: member.memberId,
          openedBy: 'author',
        },
      },
    ]);
    const mails = await mailsTo(member.user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].kind).toBe('case.opened');
    expect(mails[0].text_body).toContain('My bike squeaks');
    expect(mails[0].text_body).toContain('Statut du cas : Nouveau');
    expect(await auditRowsOf(community.id)).toEqual([]);
  });

  it('lets a moderator escalate (audited) and refuses a second escalation or a solved question', async () => {
    const { community, board, member, moderator, topic } = await caseCommunity();
    const ctx = await ctxFor(moderator.user);
    const badge = await escalateTopic({ ctx, community: community.slug, topicId: topic.id });
    expect((await caseRow(badge.id)).opened_by).toBe('moderator');
    expect((await auditRowsOf(community.id)).map((r) => [r.action, r.target_id])).toEqual([
      ['case.escalate', topic.id],
    ]);
    const again = await expectAppError(
      escalateTopic({ ctx, community: community.slug, topicId: topic.id }),
      'conflict',
    );
    expect(again.messageKey).toBe('case.alreadyOpen');
    const solved = await seedTopic(board, member.memberId, { solved: true });
    const error = await expectAppError(
      escalateTopic({ ctx: await ctxFor(member.user), community: community.slug, topicId: solved.id }),
      'conflict',
    );
    expect(error.messageKey).toBe('case.topicSolved');
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toEqual(['case.opened']);
  });

  it('keeps one case per question even when one was opened in between (unique topic)', async () => {
    const { community, member, topic } = await caseCommunity();
    await seedCase(topic);
    await expectAppError(
      escalateTopic({ ctx: await ctxFor(member.user), community: community.slug, topicId: topic.id }),
      'conflict',
    );
    const { kernel } = await testApp();
    const count = await kernel.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('topic_id', '=', topic.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });
});
