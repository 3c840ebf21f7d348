import { beforeAll, describe, expect, it } from 'vitest';
import { caseCommunity, mailsTo } from '../../../../../test/case-fixtures.ts';
import { outboxEventsOf, testApp } from '../../../../../test/helpers.ts';
import { seedTopic, supportCommunity } from '../../../../../test/support-fixtures.ts';
import { escalateUnansweredQuestions } from './escalate-unanswered.ts';

// Migrating the test database can be slow on a busy machine: do it before the first test's clock starts.
beforeAll(() => testApp(), 180_000);

const HOUR = 3600_000;
const ago = (hours: number, now: Date) => new Date(now.getTime() - hours * HOUR).toISOString();

async function setEscalationHours(communityId: string, hours: number) {
  const { kernel } = await testApp();
  await kernel.db
    .insertInto('support_settings')
    .values({ community_id: communityId, case_escalation_hours: hours })
    .execute();
}

async function casesOf(communityId: string) {
  const { kernel } = await testApp();
  return kernel.db
    .selectFrom('cases')
    .select(['topic_id', 'status', 'opened_by'])
    .where('community_id', '=', communityId)
    .orderBy('opened_at')
    .execute();
}

describe('escalateUnansweredQuestions (the cases.escalate job)', () => {
  it('opens a case for questions unanswered past the community’s delay, once, and never when it is 0', async () => {
    const { kernel } = await testApp();
    const now = new Date();
    const a = await caseCommunity();
    await setEscalationHours(a.community.id, 2);
    const due = await seedTopic(a.board, a.member.memberId, {
      title: 'Due for a case',
      created_at: ago(3, now),
    });
    await seedTopic(a.board, a.member.memberId, { created_at: ago(1, now) });
    await seedTopic(a.board, a.member.memberId, { created_at: ago(3, now), replies_count: 1 });
    await seedTopic(a.board, a.member.memberId, { created_at: ago(3, now), kind: 'discussion' });
    await seedTopic(a.board, a.member.memberId, { created_at: ago(3, now), solved: true });
    await seedTopic(a.board, a.member.memberId, { created_at: ago(3, now), status: 'pending' });

    const off = await supportCommunity();
    await setEscalationHours(off.community.id, 0);
    await seedTopic(off.board, off.member.memberId, { created_at: ago(1000, now) });

    const defaults = await supportCommunity();
    const late = await seedTopic(defaults.board, defaults.member.memberId, { created_at: ago(49, now) });
    await seedTopic(defaults.board, defaults.member.memberId, { created_at: ago(47, now) });

    expect(await escalateUnansweredQuestions(kernel, now)).toBeGreaterThanOrEqual(2);
    expect(await casesOf(a.community.id)).toEqual([{ topic_id: due.id, status: 'new', opened_by: 'auto' }]);
    expect(await casesOf(off.community.id)).toEqual([]);
    expect(await casesOf(defaults.community.id)).toEqual([
      { topic_id: late.id, status: 'new', opened_by: 'auto' },
    ]);
    const events = await outboxEventsOf(a.community.id);
    expect(events.map((e) => [e.type, e.actor])).toEqual([['case.opened', null]]);
    expect(events[0].payload).toMatchObject({ topicId: due.id, openedBy: 'auto' });
    const mails = await mailsTo(a.member.user.email);
    expect(mails.map((m) => m.kind)).toEqual(['case.opened']);
    expect(mails[0].text_body).toContain('Due for a case');

    // Idempotent: a second sweep opens nothing more for these questions.
    expect(await escalateUnansweredQuestions(kernel, now)).toBe(0);
    expect(await casesOf(a.community.id)).toHaveLength(1);
    expect(await outboxEventsOf(a.community.id)).toHaveLength(1);
    expect(await mailsTo(a.member.user.email)).toHaveLength(1);
  });
});
