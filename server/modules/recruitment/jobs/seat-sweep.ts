import type { Kernel } from '../../../platform/kernel.ts';
import { transact } from '../../../platform/kernel.ts';
import { offerFreeSeats } from '../admission.ts';
import { promoteOverQuota } from '../quota-promotion.ts';
import { campaignsWithOverQuota, communitiesToSweep } from '../recruitment.repository.ts';
import { communityOf } from '../commands/load-application.ts';

/** The periodic job that hands free seats to the waitlist and puts lapsed offers back in line. */
export const SEAT_SWEEP_JOB = 'recruitment.seat-sweep';
/** How often the sweep runs (pg-boss cron: every ten minutes). */
export const SEAT_SWEEP_CRON = '*/10 * * * *';

/**
 * For every community with someone waiting or an offer that ran out: lapsed offers go back to the end of
 * the waitlist and free seats are offered to the next in line (one transaction per community). Returns
 * how many offers it made.
 */
export async function sweepSeats(kernel: Kernel, now = new Date()): Promise<number> {
  let offered = 0;
  for (const communityId of await communitiesToSweep(kernel.db, now)) {
    offered += await transact(kernel, async (trx, emit) =>
      offerFreeSeats(kernel, trx, emit, await communityOf(trx, communityId), now),
    );
  }
  return offered;
}

/**
 * For every campaign with someone over quota: promotes them into cells that have room (one transaction
 * per campaign; catches room the events did not report). Returns how many were promoted.
 */
export async function sweepQuotaRoom(kernel: Kernel): Promise<number> {
  let promoted = 0;
  for (const campaign of await campaignsWithOverQuota(kernel.db))
    promoted += await transact(kernel, async (trx, emit) => promoteOverQuota(kernel, trx, emit, campaign.id));
  return promoted;
}
