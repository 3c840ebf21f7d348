import type { Kernel } from '../../platform/kernel.ts';
import {
  grantAnniversaries,
  RELEASE_CRON,
  RELEASE_JOB,
  releaseDueAwards,
} from './jobs/release-due-awards.ts';
import {
  AWARD_EVENTS,
  onAwardEvent,
  onReversalEvent,
  REVERSAL_EVENTS,
} from './processors/on-support-event.ts';
import { onParticipationEvent, PARTICIPATION_EVENTS } from './processors/on-participation-event.ts';

/**
 * Wires points into the kernel: the subscribers that award points for support events (and completed
 * surveys and attended live sessions) and reverse them when content goes away (each runs once per event; the awards' idempotency keys make a replay harmless
 * too), and the periodic job that releases awards past their review period and grants anniversary
 * badges.
 */
export function registerRewards(kernel: Kernel): void {
  kernel.dispatcher.subscribe({ name: 'rewards.awards', events: AWARD_EVENTS, handle: onAwardEvent });
  kernel.dispatcher.subscribe({
    name: 'rewards.reversals',
    events: REVERSAL_EVENTS,
    handle: onReversalEvent,
  });
  kernel.dispatcher.subscribe({
    name: 'rewards.participation',
    events: PARTICIPATION_EVENTS,
    handle: onParticipationEvent,
  });
  kernel.jobs.define<Record<string, never>>({
    name: RELEASE_JOB,
    retryLimit: 2,
    cron: RELEASE_CRON,
    handler: async () => {
      const released = await releaseDueAwards(kernel);
      const anniversaries = await grantAnniversaries(kernel);
      if (released + anniversaries > 0) kernel.log.info({ released, anniversaries }, 'points released');
    },
  });
}
