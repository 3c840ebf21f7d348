import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { validate } from '../../../platform/http/validation.ts';
import { panelPolicy } from '../panel.policy.ts';
import { countSegment } from '../panel.repository.ts';
import { PreviewSegmentBody } from '../panel.schemas.ts';
import { compileCheckedFilter, compileSegment, loadPanel, loadSegment } from './load-panel.ts';

/**
 * How many members a saved segment holds now (staff; one query).
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function getSegmentSize({
  ctx,
  community,
  segmentId,
}: {
  ctx: Ctx;
  community: string;
  segmentId: string;
}): Promise<{ size: number }> {
  const resource = await loadPanel(ctx, community);
  authorize(panelPolicy, 'managePanel', ctx.actor, resource);
  const segment = await loadSegment(ctx.kernel.db, resource.community.id, segmentId);
  const predicate = await compileSegment(ctx.kernel.db, segment);
  return { size: await countSegment(ctx.kernel.db, resource.community.id, predicate) };
}

/**
 * How many members a filter being edited holds (staff): the live count of the segment editor.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden)
 */
export async function previewSegmentSize({
  ctx,
  community,
  input,
}: {
  ctx: Ctx;
  community: string;
  input: unknown;
}): Promise<{ size: number }> {
  const body = validate(PreviewSegmentBody, input);
  const resource = await loadPanel(ctx, community);
  authorize(panelPolicy, 'managePanel', ctx.actor, resource);
  const predicate = await compileCheckedFilter(ctx.kernel.db, resource.community.id, body.filter);
  return { size: await countSegment(ctx.kernel.db, resource.community.id, predicate) };
}
