import type { Kernel } from '../../platform/kernel.ts';
import { ACTIVITY_EVENTS, DORMANCY_CRON, DORMANCY_JOB, markDormantMembers, onActivity } from './dormancy.ts';
import { onReliabilityInput, RELIABILITY_EVENTS } from './processors/on-reliability-input.ts';

/**
 * Wires the panel into the kernel: the subscriber that recomputes reliability scores when their inputs
 * change (a survey completed, a live session ended, a member rated); dormancy: a daily job marks members
 * without activity dormant, and a subscriber wakes a dormant member who takes part again.
 */
export function registerPanel(kernel: Kernel): void {
  kernel.dispatcher.subscribe({
    name: 'panel.reliability',
    events: RELIABILITY_EVENTS,
    handle: onReliabilityInput,
  });
  kernel.dispatcher.subscribe({ name: 'panel.activity', events: ACTIVITY_EVENTS, handle: onActivity });
  kernel.jobs.define<Record<string, never>>({
    name: DORMANCY_JOB,
    retryLimit: 2,
    cron: DORMANCY_CRON,
    handler: async () => {
      const dormant = await markDormantMembers(kernel);
      if (dormant > 0) kernel.log.info({ dormant }, 'members marked dormant');
    },
  });
}
