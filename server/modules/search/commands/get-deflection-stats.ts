import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { loadSupportSettings } from '../../support/support-settings.ts';
import { deflectionPolicy } from '../search.policy.ts';
import { deflectionWeekRows } from '../search.repository.ts';
import type { DeflectionStatsDto } from '../search.schemas.ts';

/** How many ISO weeks the statistics cover, the current one included. */
const WEEKS = 12;

/**
 * Deflection per ISO week over the last twelve (oldest first) and in total: suggested questions opened,
 * deflections, conversions, attempts still pending, and the estimated saving (deflections × the
 * community's contact cost from its support settings, in its currency). Staff and observers only.
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function getDeflectionStats({
  ctx,
  community,
}: {
  ctx: Ctx;
  community: string;
}): Promise<DeflectionStatsDto> {
  const loaded = await loadCommunity(ctx, community);
  authorize(deflectionPolicy, 'viewDeflectionStats', ctx.actor, loaded);
  const [settings, rows] = await Promise.all([
    loadSupportSettings(ctx.kernel.db, loaded.community.id),
    deflectionWeekRows(ctx.kernel.db, loaded.community.id, WEEKS),
  ]);
  const cost = settings.contactCostCents;
  const weeks = rows.map((row) => ({
    week: row.week,
    weekStart: row.week_start,
    views: row.views,
    deflections: row.deflections,
    conversions: row.conversions,
    pending: row.pending,
    savingCents: row.deflections * cost,
  }));
  const sum = (key: 'views' | 'deflections' | 'conversions' | 'pending') =>
    weeks.reduce((total, week) => total + week[key], 0);
  const deflections = sum('deflections');
  return {
    currency: settings.currency,
    contactCostCents: cost,
    weeks,
    totals: {
      views: sum('views'),
      deflections,
      conversions: sum('conversions'),
      pending: sum('pending'),
      savingCents: deflections * cost,
    },
  };
}
