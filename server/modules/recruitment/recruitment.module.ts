import { appendEvent } from '../../platform/events/outbox.ts';
import type { Kernel } from '../../platform/kernel.ts';
import { CommunityEvents } from '../communities/communities.events.ts';
import { MemberEvents } from '../members/members.events.ts';
import { offerFreeSeats } from './admission.ts';
import { communityOf } from './commands/load-application.ts';
import { PanelEvents } from '../panel/panel.events.ts';
import { promoteOverQuota } from './quota-promotion.ts';
import { campaignsOfMember, firstWaitlisted } from './recruitment.repository.ts';
import { SEAT_SWEEP_CRON, SEAT_SWEEP_JOB, sweepQuotaRoom, sweepSeats } from './jobs/seat-sweep.ts';

/**
 * Wires recruitment into the kernel: when a seat may have freed up (a member's status changed, the
 * community's settings such as its cap changed) the next on the waitlist is offered it at once; a sweep
 * every ten minutes catches the rest (a member removed from the panel, offers that ran out). Likewise a
 * member admitted through a campaign who leaves the panel frees their quota cells for the campaign's
 * over-quota applicants (`promoteOverQuota`), and the sweep promotes into any cell found free.
 */
export function registerRecruitment(kernel: Kernel): void {
  kernel.dispatcher.subscribe({
    name: 'recruitment.seats',
    events: [MemberEvents.statusChanged, CommunityEvents.updated],
    handle: async (event, trx) => {
      if (!event.communityId) return;
      // Most communities recruit nobody: only those with someone waiting have seats to hand out.
      if ((await firstWaitlisted(trx, event.communityId, 1)).length === 0) return;
      await offerFreeSeats(
        kernel,
        trx,
        (e) => appendEvent(trx, e),
        await communityOf(trx, event.communityId),
      );
    },
  });
  kernel.dispatcher.subscribe({
    name: 'recruitment.quota-room',
    events: [MemberEvents.statusChanged, PanelEvents.stageChanged],
    handle: async (event, trx) => {
      const memberId = (event.payload as { memberId?: unknown }).memberId;
      if (!event.communityId || typeof memberId !== 'string') return;
      // A member admitted through a campaign who left the panel frees their quota cells.
      for (const campaignId of await campaignsOfMember(trx, event.communityId, memberId))
        await promoteOverQuota(kernel, trx, (e) => appendEvent(trx, e), campaignId);
    },
  });
  kernel.jobs.define<Record<string, never>>({
    name: SEAT_SWEEP_JOB,
    retryLimit: 2,
    cron: SEAT_SWEEP_CRON,
    handler: async () => {
      const offered = await sweepSeats(kernel);
      if (offered > 0) kernel.log.info({ offered }, 'seats offered to the waitlist');
      const promoted = await sweepQuotaRoom(kernel);
      if (promoted > 0) kernel.log.info({ promoted }, 'over-quota applicants promoted into freed cells');
    },
  });
}
