import { writeAudit } from '../../../../platform/audit.ts';
import { authorize } from '../../../../platform/authz/policy.ts';
import type { Ctx } from '../../../../platform/context.ts';
import { AppError } from '../../../../platform/errors/app-error.ts';
import { validate } from '../../../../platform/http/validation.ts';
import { transact } from '../../../../platform/kernel.ts';
import { CatalogueEvents, redemptionPayloadOf } from '../catalogue.events.ts';
import { redemptionPolicy } from '../catalogue.policy.ts';
import { lockRedemption, updateRedemptionRow } from '../catalogue.repository.ts';
import { FulfillBody, type RedemptionDto } from '../catalogue.schemas.ts';
import { loadRedemption } from './load-catalogue.ts';
import { reloadRedemption } from './redemption-view.ts';

/**
 * Marks an approved redemption fulfilled (community managers): the gift shipped, the donation made, the
 * cash paid; an optional note (a tracking number) is shown to the member. Emits `redemption.fulfilled`;
 * audited.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden | conflict: not approved)
 */
export async function fulfillRedemption({
  ctx,
  community,
  redemptionId,
  input,
}: {
  ctx: Ctx;
  community: string;
  redemptionId: string;
  input: unknown;
}): Promise<RedemptionDto> {
  const body = validate(FulfillBody, input);
  const note = body.note?.trim() || null;
  const resource = await loadRedemption(ctx, community, redemptionId);
  authorize(redemptionPolicy, 'decide', ctx.actor, resource);
  const communityId = resource.community.id;
  const actorUserId = ctx.actor!.userId;
  await transact(ctx.kernel, async (trx, emit) => {
    const current = await lockRedemption(trx, redemptionId);
    if (current.status !== 'approved')
      throw new AppError('conflict', { messageKey: 'rewards.error.notApproved' });
    const row = await updateRedemptionRow(trx, current.id, {
      status: 'fulfilled',
      fulfilled_at: new Date(),
      ...(note ? { reason: note } : {}),
    });
    const payload = redemptionPayloadOf(row, resource.redemption.reward_kind);
    await emit({ type: CatalogueEvents.redemptionFulfilled, communityId, actorUserId, payload });
    await writeAudit(trx, {
      communityId,
      actorUserId,
      action: 'redemption.fulfill',
      targetType: 'redemption',
      targetId: row.id,
      data: { note },
    });
  });
  return reloadRedemption(ctx, ctx.kernel.db, resource, redemptionId);
}
