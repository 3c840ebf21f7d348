import { authorize } from '../../../../platform/authz/policy.ts';
import type { Ctx } from '../../../../platform/context.ts';
import { AppError } from '../../../../platform/errors/app-error.ts';
import { validate } from '../../../../platform/http/validation.ts';
import { transact } from '../../../../platform/kernel.ts';
import { CatalogueEvents, redemptionPayloadOf } from '../catalogue.events.ts';
import { redemptionPolicy } from '../catalogue.policy.ts';
import { lockRedemption, updateRedemptionRow } from '../catalogue.repository.ts';
import { CancelBody, type RedemptionDto } from '../catalogue.schemas.ts';
import { loadRedemption } from './load-catalogue.ts';
import { refundRedemption } from './refund-redemption.ts';
import { reloadRedemption } from './redemption-view.ts';

/**
 * Cancels the caller's own redemption while it waits for staff: the points come back (`refund`) and the
 * unit goes back to the stock. Emits `redemption.cancelled`.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden: not theirs |
 *   conflict: already decided)
 */
export async function cancelRedemption({
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
  validate(CancelBody, input);
  const resource = await loadRedemption(ctx, community, redemptionId);
  authorize(redemptionPolicy, 'cancel', ctx.actor, resource);
  const communityId = resource.community.id;
  const actorUserId = ctx.actor!.userId;
  await transact(ctx.kernel, async (trx, emit) => {
    const current = await lockRedemption(trx, redemptionId);
    if (current.status !== 'requested')
      throw new AppError('conflict', { messageKey: 'rewards.error.alreadyDecided' });
    const row = await updateRedemptionRow(trx, current.id, { status: 'cancelled', decided_at: new Date() });
    await refundRedemption(trx, row, { actorUserId, reason: null });
    const payload = redemptionPayloadOf(row, resource.redemption.reward_kind);
    await emit({ type: CatalogueEvents.redemptionCancelled, communityId, actorUserId, payload });
  });
  return reloadRedemption(ctx, ctx.kernel.db, resource, redemptionId);
}
