import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError, isUniqueViolation } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { PanelEvents } from '../panel.events.ts';
import { panelPolicy } from '../panel.policy.ts';
import { presentSegment } from '../panel.presenter.ts';
import { countSegment, insertSegment } from '../panel.repository.ts';
import { CreateSegmentBody, type SegmentDto } from '../panel.schemas.ts';
import { compileCheckedFilter, loadPanel } from './load-panel.ts';

/**
 * Saves a segment of the community (staff): a name unique in the community and a filter checked against
 * its attributes. Audited; emits `segment.created`. Returns it with its size.
 * @throws AppError(validation_failed: input, filter, a name already used | not_found | unauthenticated |
 *   forbidden)
 */
export async function createSegment({
  ctx,
  community,
  input,
}: {
  ctx: Ctx;
  community: string;
  input: unknown;
}): Promise<SegmentDto> {
  const body = validate(CreateSegmentBody, input);
  if (body.name.trim() === '') throw AppError.field('/name', 'validation.required');
  const resource = await loadPanel(ctx, community);
  authorize(panelPolicy, 'managePanel', ctx.actor, resource);
  const communityId = resource.community.id;
  const predicate = await compileCheckedFilter(ctx.kernel.db, communityId, body.filter);
  try {
    const row = await transact(ctx.kernel, async (trx, emit) => {
      const inserted = await insertSegment(trx, {
        id: newId(),
        community_id: communityId,
        name: body.name.trim(),
        filter: JSON.stringify(body.filter),
        created_by: ctx.actor!.userId,
      });
      await writeAudit(trx, {
        communityId,
        actorUserId: ctx.actor!.userId,
        action: 'segment.create',
        targetType: 'segment',
        targetId: inserted.id,
      });
      await emit({
        type: PanelEvents.segmentCreated,
        communityId,
        actorUserId: ctx.actor!.userId,
        payload: { communityId, segmentId: inserted.id },
      });
      return inserted;
    });
    return presentSegment(row, await countSegment(ctx.kernel.db, communityId, predicate));
  } catch (error) {
    if (isUniqueViolation(error, 'segments_community_id_name_key'))
      throw AppError.field('/name', 'research.error.segmentNameTaken');
    throw error;
  }
}
