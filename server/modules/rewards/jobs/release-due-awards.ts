import type { Kernel } from '../../../platform/kernel.ts';
import { transact } from '../../../platform/kernel.ts';
import { releaseAward } from '../award-points.ts';
import { dropDueAward, findDueAwards } from '../points.repository.ts';
import { findMembersWithoutYearBadge } from '../standing.repository.ts';
import { refreshStanding } from '../standing.ts';

/** The periodic job that releases awards past their review period and hands out anniversary badges. */
export const RELEASE_JOB = 'rewards.release';
/** How often it runs (pg-boss cron: every ten minutes). */
export const RELEASE_CRON = '*/10 * * * *';
const BATCH = 100;
const MAX_BATCHES = 50;

/**
 * Releases every award whose review period ended before `now` and that nothing settled, one transaction
 * per award (its member's balance row locked, so a staff denial at the same moment wins or loses
 * cleanly). Idempotent: a released award is never found again. Returns how many it released.
 */
export async function releaseDueAwards(kernel: Kernel, now = new Date()): Promise<number> {
  let released = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const due = await findDueAwards(kernel.db, now, BATCH);
    for (const award of due) {
      const before = await transact(kernel, (trx) => releaseAward(trx, award.community_id, award.id, null));
      if (before?.status === 'pending') released++;
      else await dropDueAward(kernel.db, award.id);
    }
    if (due.length < BATCH) break;
  }
  return released;
}

/**
 * Gives the `one_year` badge (and any rank tenure earns) to active members who reached a year of
 * membership and never held it. Returns how many members it refreshed.
 */
export async function grantAnniversaries(kernel: Kernel): Promise<number> {
  const members = await findMembersWithoutYearBadge(kernel.db, 500);
  const byCommunity = new Map<string, string[]>();
  for (const m of members)
    byCommunity.set(m.community_id, [...(byCommunity.get(m.community_id) ?? []), m.id]);
  for (const [communityId, ids] of byCommunity) {
    await transact(kernel, (trx) => refreshStanding(trx, communityId, ids));
  }
  return members.length;
}
