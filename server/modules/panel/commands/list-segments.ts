import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { panelPolicy } from '../panel.policy.ts';
import { presentSegment } from '../panel.presenter.ts';
import { countSegment, listSegmentRows } from '../panel.repository.ts';
import type { SegmentDto } from '../panel.schemas.ts';
import { compileSegment, loadPanel } from './load-panel.ts';

/**
 * The community's segments by name, each with its live size (staff).
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function listSegments({
  ctx,
  community,
}: {
  ctx: Ctx;
  community: string;
}): Promise<{ items: SegmentDto[] }> {
  const resource = await loadPanel(ctx, community);
  authorize(panelPolicy, 'managePanel', ctx.actor, resource);
  const rows = await listSegmentRows(ctx.kernel.db, resource.community.id);
  const items: SegmentDto[] = [];
  for (const row of rows) {
    const predicate = await compileSegment(ctx.kernel.db, row);
    items.push(presentSegment(row, await countSegment(ctx.kernel.db, resource.community.id, predicate)));
  }
  return { items };
}
