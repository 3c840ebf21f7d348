import { writeAudit } from '../../../../platform/audit.ts';
import { authorize } from '../../../../platform/authz/policy.ts';
import type { Ctx } from '../../../../platform/context.ts';
import { AppError } from '../../../../platform/errors/app-error.ts';
import { validate } from '../../../../platform/http/validation.ts';
import { transact } from '../../../../platform/kernel.ts';
import { CatalogueEvents, redemptionPayloadOf } from '../catalogue.events.ts';
import { redemptionPolicy } from '../catalogue.policy.ts';
import { lockRedemption, updateRedemptionRow } from '../catalogue.repository.ts';
import { DecideBody, type RedemptionDto } from '../catalogue.schemas.ts';
import { loadRedemption } from './load-catalogue.ts';
import { refundRedemption } from './refund-redemption.ts';
import { reloadRedemption } from './redemption-view.ts';

/**
 * Approves or rejects a redemption (community managers). Approving takes a requested one; rejecting
 * takes a requested or approved one, needs a reason (shown to the member), gives the points back
 * (`refund`) and the unit back to the stock. Emits `redemption.approved` or `redemption.rejected`;
 * audited.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden | conflict: already decided)
 */
export async function decideRedemption({
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
  const body = validate(DecideBody, input);
  const reason = body.reason?.trim() ?? '';
  if (body.decision === 'reject' && reason === '')
    throw AppError.field('/reason', 'rewards.validation.reasonRequired');
  const resource = await loadRedemption(ctx, community, redemptionId);
  authorize(redemptionPolicy, 'decide', ctx.actor, resource);
  const communityId = resource.community.id;
  const actorUserId = ctx.actor!.userId;
  await transact(ctx.kernel, async (trx, emit) => {
    const current = await lockRedemption(trx, redemptionId);
    const allowed = body.decision === 'approve' ? ['requested'] : ['requested', 'approved'];
    if (!allowed.includes(current.status))
      throw new AppError('conflict', { messageKey: 'rewards.error.alreadyDecided' });
    const status = body.decision === 'approve' ? 'approved' : 'rejected';
    const row = await updateRedemptionRow(trx, current.id, {
      status,
      reason: reason || null,
      decided_by: actorUserId,
      decided_at: new Date(),
    });
    if (status === 'rejected') await refundRedemption(trx, row, { actorUserId, reason });
    const payload = redemptionPayloadOf(row, resource.redemption.reward_kind);
    const type =
      status === 'approved' ? CatalogueEvents.redemptionApproved : CatalogueEvents.redemptionRejected;
    await emit({ type, communityId, actorUserId, payload });
    await writeAudit(trx, {
      communityId,
      actorUserId,
      action: status === 'approved' ? 'redemption.approve' : 'redemption.reject',
      targetType: 'redemption',
      targetId: row.id,
      data: { from: current.status, to: status, reason: reason || null, cost: row.cost },
    });
  });
  return reloadRedemption(ctx, ctx.kernel.db, resource, redemptionId);
}
