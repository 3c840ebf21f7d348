import type { Kernel } from '../../../platform/kernel.ts';
import { publishUnreadCounts } from '../../notifications/live.ts';
import { NOTIFIED_EVENTS, notifyRedemption } from './processors/notify-redemption.ts';

/**
 * Wires the rewards catalogue into the kernel: the subscriber that tells members about each step of
 * their redemptions (in the app, by email, and their unread count live).
 */
export function registerCatalogue(kernel: Kernel): void {
  kernel.dispatcher.subscribe({
    name: 'rewards.notify-redemption',
    events: NOTIFIED_EVENTS,
    handle: (event, trx) => notifyRedemption(kernel, event, trx),
    afterCommit: (event) => publishUnreadCounts(kernel, event.id),
  });
}
