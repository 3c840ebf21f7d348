import type { Kernel } from '../../../platform/kernel.ts';
import { transact } from '../../../platform/kernel.ts';
import { mailAboutSession } from '../live-mail.ts';
import { lockParticipantsToRemind, markReminded } from '../live.repository.ts';

/** The periodic job that emails session reminders. */
export const REMINDERS_JOB = 'live.reminders';
/** How often it runs (pg-boss cron: every five minutes). */
export const REMINDERS_CRON = '*/5 * * * *';
const BATCH = 200;

/**
 * Emails every invited or accepted participant a reminder 24 hours and again 1 hour before their session
 * (each once: `reminded_24h_at`, `reminded_1h_at`). Within the last hour only the 1-hour reminder goes out
 * (it stamps both). Rows are locked (skipping those another sweep holds) and stamped in the same transaction
 * as the email, so concurrent sweeps never send twice. Returns how many reminders were queued.
 */
export async function sendLiveReminders(kernel: Kernel, now = new Date()): Promise<number> {
  let sent = 0;
  for (const window of ['1h', '24h'] as const) {
    for (;;) {
      const count = await transact(kernel, async (trx) => {
        const due = await lockParticipantsToRemind(trx, window, now, BATCH);
        for (const p of due) {
          // Inside the last hour, the day-before reminder would say the same thing: stamp both.
          if (window === '1h') await markReminded(trx, p.id, '24h');
          await markReminded(trx, p.id, window);
          await mailAboutSession(
            kernel,
            trx,
            'reminder',
            {
              id: p.session_id,
              title: p.title,
              starts_at: p.starts_at,
              duration_minutes: p.duration_minutes,
              objectives: p.objectives,
            },
            p.community_slug,
            [p.member_id],
          );
        }
        return due.length;
      });
      sent += count;
      if (count < BATCH) break;
    }
  }
  return sent;
}
