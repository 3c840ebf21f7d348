import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/helpers.ts';
import { seedReply, seedTopic, supportCommunity } from '../../../../test/support-fixtures.ts';
import { sweepSolutionReminders } from './solution-reminders.ts';

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000);

async function remindersOf(topicId: string) {
  const { kernel } = await testApp();
  return kernel.db
    .selectFrom('notifications')
    .select(['kind', 'recipient_id', 'source_key'])
    .where('topic_id', '=', topicId)
    .where('kind', '=', 'reminder')
    .execute();
}

// The shared app (migrated PGlite) is built once, within the hook's longer timeout.
beforeAll(async () => {
  await testApp();
});

describe('sweepSolutionReminders', () => {
  it('reminds the asker once, by notification and email, when a reply by someone else is older than the delay', async () => {
    const { kernel } = await testApp();
    const { board, member, other } = await supportCommunity();
    const topic = await seedTopic(board, member.memberId, { title: 'Printer offline again' });
    await seedReply(topic, other.memberId, { created_at: hoursAgo(73) });
    await seedReply(topic, other.memberId, { created_at: hoursAgo(1) });

    expect(await sweepSolutionReminders(kernel)).toBeGreaterThanOrEqual(1);
    expect(await remindersOf(topic.id)).toEqual([
      { kind: 'reminder', recipient_id: member.memberId, source_key: `reminder:${topic.id}` },
    ]);
    const mails = await kernel.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('to_address', '=', member.user.email)
      .execute();
    expect(mails.map((m) => [m.kind, m.subject])).toEqual([
      ['notification.reminder', 'L’une de ces réponses a-t-elle résolu votre question ?'],
    ]);
    expect(mails[0].headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

    await sweepSolutionReminders(kernel);
    expect(await remindersOf(topic.id)).toHaveLength(1);
  });

  it('waits for the community’s delay, and sends nothing when it is 0', async () => {
    const { kernel } = await testApp();
    const early = await supportCommunity();
    const waiting = await seedTopic(early.board, early.member.memberId);
    await seedReply(waiting, early.other.memberId, { created_at: hoursAgo(71) });

    const off = await supportCommunity();
    await kernel.db
      .insertInto('support_settings')
      .values({ community_id: off.community.id, solution_reminder_hours: 0 })
      .execute();
    const silent = await seedTopic(off.board, off.member.memberId);
    await seedReply(silent, off.other.memberId, { created_at: hoursAgo(500) });

    const quick = await supportCommunity();
    await kernel.db
      .insertInto('support_settings')
      .values({ community_id: quick.community.id, solution_reminder_hours: 2 })
      .execute();
    const due = await seedTopic(quick.board, quick.member.memberId);
    await seedReply(due, quick.other.memberId, { created_at: hoursAgo(3) });

    await sweepSolutionReminders(kernel);
    expect(await remindersOf(waiting.id)).toEqual([]);
    expect(await remindersOf(silent.id)).toEqual([]);
    expect(await remindersOf(due.id)).toHaveLength(1);
  });

  it('skips solved questions, discussions, and questions answered only by the asker', async () => {
    const { kernel } = await testApp();
    const { board, member, other } = await supportCommunity();
    const solved = await seedTopic(board, member.memberId, { solved: true });
    await seedReply(solved, other.memberId, { created_at: hoursAgo(100), is_solution: true });
    const discussion = await seedTopic(board, member.memberId, { kind: 'discussion' });
    await seedReply(discussion, other.memberId, { created_at: hoursAgo(100) });
    const alone = await seedTopic(board, member.memberId);
    await seedReply(alone, member.memberId, { created_at: hoursAgo(100) });
    const hidden = await seedTopic(board, member.memberId);
    await seedReply(hidden, other.memberId, { created_at: hoursAgo(100), status: 'hidden' });

    await sweepSolutionReminders(kernel);
    for (const topic of [solved, discussion, alone, hidden]) expect(await remindersOf(topic.id)).toEqual([]);
  });
});
