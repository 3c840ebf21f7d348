import type { Kernel } from '../../../platform/kernel.ts';
import { transact } from '../../../platform/kernel.ts';
import { DEFAULT_SUPPORT_SETTINGS } from '../../support/support-settings.ts';
import { deliver } from '../deliver.ts';
import { publishUnreadCounts } from '../live.ts';
import {
  claimReminder,
  findDueReminders,
  findRecipientsByIds,
  findTopicContext,
} from '../notifications.repository.ts';

/** The pg-boss job that runs the sweep. */
export const SOLUTION_REMINDERS_JOB = 'notifications.solution-reminders';
/** How often the sweep runs (cron, UTC): every ten minutes. */
export const SOLUTION_REMINDERS_CRON = '*/10 * * * *';

const BATCH = 100;

/**
 * Reminds askers once per question: a published, unsolved question whose first reply by someone else
 * is older than the community's `solutionReminderHours` (0 turns reminders off) gets a `reminder`
 * notification and email ("Did one of these replies solve your question?"). The reminder row is
 * claimed in the notification's transaction, so two sweeps never send it twice. Returns how many were sent.
 */
export async function sweepSolutionReminders(kernel: Kernel): Promise<number> {
  let sent = 0;
  for (;;) {
    const due = await findDueReminders(kernel.db, DEFAULT_SUPPORT_SETTINGS.solutionReminderHours, BATCH);
    for (const question of due) {
      const sourceKey = `reminder:${question.id}`;
      const notified = await transact(kernel, async (trx) => {
        if (!(await claimReminder(trx, question.id, question.community_id))) return 0;
        const topic = await findTopicContext(trx, question.id);
        if (!topic) return 0;
        const asker = await findRecipientsByIds(trx, topic.community_id, [topic.author_id]);
        const delivery = {
          kind: 'reminder' as const,
          sourceKey,
          topic,
          replyId: null,
          actorMemberId: null,
          actorPseudonym: null,
        };
        return (await deliver(kernel, trx, delivery, asker)).length;
      });
      if (notified > 0) {
        sent += notified;
        await publishUnreadCounts(kernel, sourceKey);
      }
    }
    if (due.length < BATCH) return sent;
  }
}
