import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { panelPolicy } from '../panel.policy.ts';
import type { ProbationMemberDto } from '../panel-quality.schemas.ts';
import { listProbationRows } from '../panel-quality.repository.ts';
import { findPanelSettings } from '../reliability.repository.ts';
import { loadPanel } from './load-panel.ts';

/**
 * The members on probation and how each is doing (staff): activities done since it began (completed
 * surveys and polls, sessions attended), days elapsed and reliability score. A probation is due (listed
 * first) once it reached the community's number of activities or days and staff have not decided yet.
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function listProbation({ ctx, community }: { ctx: Ctx; community: string }): Promise<{
  probationActivities: number;
  probationDays: number;
  items: ProbationMemberDto[];
}> {
  const resource = await loadPanel(ctx, community);
  authorize(panelPolicy, 'reviewMembers', ctx.actor, resource);
  const settings = await findPanelSettings(ctx.kernel.db, resource.community.id);
  const rows = await listProbationRows(ctx.kernel.db, resource.community.id);
  const items = rows.map((r) => ({
    memberId: r.id,
    pseudonym: r.pseudonym,
    startedAt: new Date(r.started_at).toISOString(),
    activities: r.activities,
    days: r.days,
    score: r.reliability_score,
    due: r.activities >= settings.probation_activities || r.days >= settings.probation_days,
  }));
  items.sort((a, b) => Number(b.due) - Number(a.due));
  return {
    probationActivities: settings.probation_activities,
    probationDays: settings.probation_days,
    items,
  };
}
