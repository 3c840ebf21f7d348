import { authorize } from '../../../../platform/authz/policy.ts';
import type { Ctx } from '../../../../platform/context.ts';
import { newId } from '../../../../platform/db/ids.ts';
import { AppError, isUniqueViolation } from '../../../../platform/errors/app-error.ts';
import { validate } from '../../../../platform/http/validation.ts';
import { transact } from '../../../../platform/kernel.ts';
import { appendLedgerEntries, lockBalance } from '../../ledger.repository.ts';
import { UNAVAILABLE_KEYS, unavailableReason } from '../availability.ts';
import { CatalogueEvents, redemptionPayloadOf } from '../catalogue.events.ts';
import { cataloguePolicy } from '../catalogue.policy.ts';
import {
  addStock,
  countMemberRedemptions,
  findRedemptionByKey,
  insertRedemption,
  lockReward,
  takeVoucherCode,
} from '../catalogue.repository.ts';
import { RedeemBody, type RedemptionDto } from '../catalogue.schemas.ts';
import { eligibilityFacts } from '../eligibility.ts';
import { loadReward } from './load-catalogue.ts';
import { reloadRedemption } from './redemption-view.ts';

/**
 * Redeems a reward with the caller's available points, in one transaction: locks the reward (its
 * stock), then the caller's balance, checks the reward is active, within its dates, in stock, that the
 * caller is eligible (lifetime points, rank, segment), under the limit and can afford it; takes one unit of stock and reserves the points
 * in the ledger (`redemption`, key `redeem:<id>`). A voucher takes a free code (`SKIP LOCKED`) and is
 * approved and fulfilled at once: the code is in the answer, for the caller only. A gift needs a
 * shipping address. Emits `redemption.requested` (and `redemption.fulfilled` for a voucher). The same
 * `idempotencyKey` again returns the first redemption without spending twice.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden | conflict: inactive,
 *   not started, ended, out of stock, not eligible, rank too low, not in the segment, limit reached, not
 *   enough points)
 */
export async function redeemReward({
  ctx,
  community,
  rewardId,
  input,
}: {
  ctx: Ctx;
  community: string;
  rewardId: string;
  input: unknown;
}): Promise<RedemptionDto> {
  const body = validate(RedeemBody, input);
  const address = body.shippingAddress?.trim() ?? '';
  const resource = await loadReward(ctx, community, rewardId);
  authorize(cataloguePolicy, 'viewRewards', ctx.actor, resource);
  if (!resource.reward.active && !cataloguePolicy.manageRewards(ctx.actor, resource))
    throw new AppError('not_found');
  authorize(cataloguePolicy, 'redeemRewards', ctx.actor, resource);
  const { reward } = resource;
  if (reward.kind === 'gift' && address === '')
    throw AppError.field('/shippingAddress', 'validation.required');
  const member = resource.membership!;
  const communityId = resource.community.id;
  const key = body.idempotencyKey ?? newId();
  const replay = await findRedemptionByKey(ctx.kernel.db, member.id, key);
  if (replay) return reloadRedemption(ctx, ctx.kernel.db, resource, replay.id);
  let redemptionId: string;
  try {
    redemptionId = await transact(ctx.kernel, async (trx, emit) => {
      const current = await lockReward(trx, reward.id);
      const balance = await lockBalance(trx, communityId, member.id);
      const held = (await countMemberRedemptions(trx, member.id, [reward.id])).get(reward.id) ?? 0;
      const eligibility = await eligibilityFacts(trx, member.id, [current]);
      const refused = unavailableReason(current, { now: new Date(), balance, held, ...eligibility });
      if (refused) throw new AppError('conflict', { messageKey: UNAVAILABLE_KEYS[refused] });
      const voucher = current.kind === 'voucher';
      const id = newId();
      const inserted = await insertRedemption(trx, {
        id,
        community_id: communityId,
        reward_id: current.id,
        member_id: member.id,
        cost: current.cost,
        status: voucher ? 'fulfilled' : 'requested',
        shipping_address: current.kind === 'gift' ? address : null,
        idempotency_key: key,
        ...(voucher ? { decided_at: new Date(), fulfilled_at: new Date() } : {}),
      });
      await addStock(trx, current.id, -1);
      if (voucher && !(await takeVoucherCode(trx, current.id, id)))
        throw new AppError('conflict', { messageKey: UNAVAILABLE_KEYS.outOfStock });
      await appendLedgerEntries(trx, [
        {
          communityId,
          memberId: member.id,
          kind: 'redemption',
          bucket: 'available',
          points: -current.cost,
          redemptionId: id,
          sourceType: 'reward',
          sourceId: current.id,
          actorUserId: ctx.actor!.userId,
          idempotencyKey: `redeem:${id}`,
        },
      ]);
      // A voucher's redemption is fulfilled already; its first event still says it was requested.
      const payload = {
        ...redemptionPayloadOf({ ...inserted, status: 'requested' }, current.kind),
        ...(voucher ? { autoApproved: true } : {}),
      };
      const actorUserId = ctx.actor!.userId;
      await emit({ type: CatalogueEvents.redemptionRequested, communityId, actorUserId, payload });
      if (voucher) {
        await emit({
          type: CatalogueEvents.redemptionFulfilled,
          communityId,
          actorUserId,
          payload: { ...payload, status: 'fulfilled' },
        });
      }
      return id;
    });
  } catch (error) {
    // The same request twice at once: the second finds the first's redemption.
    if (!isUniqueViolation(error)) throw error;
    const first = await findRedemptionByKey(ctx.kernel.db, member.id, key);
    if (!first) throw error;
    redemptionId = first.id;
  }
  return reloadRedemption(ctx, ctx.kernel.db, resource, redemptionId);
}
