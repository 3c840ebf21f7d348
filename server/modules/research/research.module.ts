import type { Kernel } from '../../platform/kernel.ts';
import { MEDIA_SWEEP_CRON, MEDIA_SWEEP_JOB, sweepSurveyMedia } from './jobs/media-sweep.ts';
import { REMINDER_CRON, REMINDER_JOB, sendSurveyReminders } from './jobs/survey-reminders.ts';

/**
 * Wires research into the kernel: the reminder sweep to non-respondents (every 15 minutes) and the sweep
 * of stimulus files no survey uses (hourly, deleted after a day unused), on workers.
 */
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
  kernel.jobs.define<Record<string, never>>({
    name: MEDIA_SWEEP_JOB,
    retryLimit: 2,
    cron: MEDIA_SWEEP_CRON,
    handler: async () => {
      const deleted = await sweepSurveyMedia(kernel);
      if (deleted > 0) kernel.log.info({ deleted }, 'unused stimulus files deleted');
    },
  });
}
