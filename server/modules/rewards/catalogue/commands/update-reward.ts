import { writeAudit } from '../../../../platform/audit.ts';
import { authorize } from '../../../../platform/authz/policy.ts';
import type { Ctx } from '../../../../platform/context.ts';
import { validate } from '../../../../platform/http/validation.ts';
import { transact } from '../../../../platform/kernel.ts';
import { CatalogueEvents, type RewardChangedPayload } from '../catalogue.events.ts';
import { cataloguePolicy } from '../catalogue.policy.ts';
import { lockReward, updateRewardRow } from '../catalogue.repository.ts';
import { type RewardDto, UpdateRewardBody } from '../catalogue.schemas.ts';
import { attachRewardImage, checkRewardRefs } from '../eligibility.ts';
import { loadReward } from './load-catalogue.ts';
import { checkReward, rewardColumns } from './reward-fields.ts';
import { viewRewards } from './reward-view.ts';

/**
 * Changes a reward (community managers): only the fields given; its kind never changes, and a voucher's
 * stock is its imported codes. Redemptions already made keep the cost they were made at. A new image
 * replaces the old one (detached, back to its uploader); `imageId: null` removes it. Emits
 * `reward.updated`; audited with the values before and after.
 * @throws AppError(validation_failed: also an unknown rank position or segment, an image not the
 *   caller's or already used | not_found | unauthenticated | forbidden)
 */
export async function updateReward({
  ctx,
  community,
  rewardId,
  input,
}: {
  ctx: Ctx;
  community: string;
  rewardId: string;
  input: unknown;
}): Promise<RewardDto> {
  const body = validate(UpdateRewardBody, input);
  const resource = await loadReward(ctx, community, rewardId);
  authorize(cataloguePolicy, 'manageRewards', ctx.actor, resource);
  const { reward } = resource;
  const columns = rewardColumns(body);
  checkReward(reward.kind, { ...reward, ...columns }, body.stock !== undefined);
  const communityId = resource.community.id;
  await checkRewardRefs(ctx.kernel.db, communityId, body, {
    uploaderId: resource.membership?.id ?? null,
    rewardId: reward.id,
  });
  const row = await transact(ctx.kernel, async (trx, emit) => {
    const before = await lockReward(trx, reward.id);
    if (body.imageId !== undefined) await attachRewardImage(trx, before, body.imageId);
    const after = await updateRewardRow(trx, reward.id, columns);
    const changed = Object.keys(body).sort();
    const payload: RewardChangedPayload = { communityId, rewardId: reward.id, kind: reward.kind, changed };
    await emit({ type: CatalogueEvents.rewardUpdated, communityId, actorUserId: ctx.actor!.userId, payload });
    await writeAudit(trx, {
      communityId,
      actorUserId: ctx.actor!.userId,
      action: 'reward.update',
      targetType: 'reward',
      targetId: reward.id,
      data: {
        from: Object.fromEntries(Object.keys(columns).map((c) => [c, before[c as keyof typeof before]])),
        to: columns,
      },
    });
    return after;
  });
  return (await viewRewards(ctx, resource, [row])).items[0];
}
