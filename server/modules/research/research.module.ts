import type { Kernel } from '../../platform/kernel.ts';
import { REMINDER_CRON, REMINDER_JOB, sendSurveyReminders } from './jobs/survey-reminders.ts';

/** Wires research into the kernel: the reminder sweep to non-respondents (every 15 minutes, on workers). */
export function registerResearch(kernel: Kernel): void {
  kernel.jobs.define<Record<string, never>>({
    name: REMINDER_JOB,
    retryLimit: 2,
    cron: REMINDER_CRON,
    handler: async () => {
      const sent = await sendSurveyReminders(kernel);
      if (sent > 0) kernel.log.info({ sent }, 'survey reminders queued');
    },
  });
}
