import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { panelPolicy } from '../panel.policy.ts';
import { presentSegment } from '../panel.presenter.ts';
import {
  attributeKinds,
  attributeVisibilities,
  compileSegmentFilter,
  countSegments,
  listSegmentRows,
} from '../panel.repository.ts';
import { observerMayUse } from '../panel-rules.ts';
import type { SegmentDto, SegmentFilterInput } from '../panel.schemas.ts';
import { loadPanel } from './load-panel.ts';

/**
 * The community's segments by name, each with its live size, counted in one query: staff see every
 * segment, observers those over observer-visible attributes only (they filter survey results with them).
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
  authorize(panelPolicy, 'listSegments', ctx.actor, resource);
  const db = ctx.kernel.db;
  const communityId = resource.community.id;
  let rows = await listSegmentRows(db, communityId);
  if (!panelPolicy.managePanel(ctx.actor, resource)) {
    const visibility = await attributeVisibilities(db, communityId);
    rows = rows.filter((row) => observerMayUse(row.filter as SegmentFilterInput, visibility));
  }
  const kinds = await attributeKinds(db, communityId);
  const sizes = await countSegments(
    db,
    communityId,
    rows.map((row) => compileSegmentFilter(row.filter as SegmentFilterInput, kinds)),
  );
  return { items: rows.map((row, i) => presentSegment(row, sizes[i])) };
}
