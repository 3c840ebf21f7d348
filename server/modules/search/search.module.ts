import type { Kernel } from '../../platform/kernel.ts';
import { SupportEvents } from '../support/support.events.ts';
import { convertAttempts } from './search.repository.ts';

/**
 * Wires the search area into the kernel: when a member posts a topic, their attempts that viewed a
 * suggested question in the hour before are converted (they asked anyway), so they never count as
 * deflections. Idempotent: the update only touches views not yet converted.
 */
export function registerSearch(kernel: Kernel): void {
  kernel.dispatcher.subscribe({
    name: 'search.deflection-conversion',
    events: [SupportEvents.topicCreated],
    handle: async (event, trx) => {
      const payload = event.payload as { authorId?: unknown; topicId?: unknown };
      if (!event.communityId || typeof payload.authorId !== 'string' || typeof payload.topicId !== 'string')
        return;
      await convertAttempts(trx, {
        communityId: event.communityId,
        memberId: payload.authorId,
        topicId: payload.topicId,
        postedAt: event.createdAt,
      });
    },
  });
}
