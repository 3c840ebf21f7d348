import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { panelPolicy } from '../panel.policy.ts';
import { averageReliability, countByStage, listHealthMonths } from '../panel-health.repository.ts';
import type { PanelHealthDto } from '../panel-quality.schemas.ts';
import { loadPanel } from './load-panel.ts';

/** How many months the health page covers. */
export const HEALTH_MONTHS = 6;

/**
 * The panel's health (staff): members by stage, and for each of the last six months the members, those
 * who took part and those removed (participation rate and attrition), and the average reliability score.
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function getPanelHealth({
  ctx,
  community,
}: {
  ctx: Ctx;
  community: string;
}): Promise<PanelHealthDto> {
  const resource = await loadPanel(ctx, community);
  authorize(panelPolicy, 'reviewMembers', ctx.actor, resource);
  const db = ctx.kernel.db;
  const id = resource.community.id;
  const stages = await countByStage(db, id);
  const months = await listHealthMonths(db, id, HEALTH_MONTHS);
  const reliability = await averageReliability(db, id);
  return {
    stages,
    months: months.map((m) => ({
      month: m.month,
      members: m.members,
      participants: m.participants,
      removed: m.removed,
    })),
    averageReliability: reliability.average,
    scoredMembers: reliability.scored,
  };
}
