import { writeAudit } from '../../../../platform/audit.ts';
import { authorize } from '../../../../platform/authz/policy.ts';
import type { Ctx } from '../../../../platform/context.ts';
import { newId } from '../../../../platform/db/ids.ts';
import { validate } from '../../../../platform/http/validation.ts';
import { transact } from '../../../../platform/kernel.ts';
import { CatalogueEvents, type RewardChangedPayload } from '../catalogue.events.ts';
import { cataloguePolicy } from '../catalogue.policy.ts';
import { insertReward } from '../catalogue.repository.ts';
import { CreateRewardBody, type RewardDto } from '../catalogue.schemas.ts';
import { attachRewardImage, checkRewardRefs } from '../eligibility.ts';
import { loadCatalogue } from './load-catalogue.ts';
import { checkReward, rewardColumns } from './reward-fields.ts';
import { viewRewards } from './reward-view.ts';

/**
 * Adds a reward to a community's catalogue (community managers). A voucher starts with no stock: its
 * imported codes are its stock. It may be reserved for a rank or higher and for a panel segment, and show
 * an image the caller uploaded (`uploadImage`; attached to the reward). Emits `reward.created`; audited.
 * @throws AppError(validation_failed: also an unknown rank position or segment, an image not the
 *   caller's or already used | not_found | unauthenticated | forbidden)
 */
export async function createReward({
  ctx,
  community,
  input,
}: {
  ctx: Ctx;
  community: string;
  input: unknown;
}): Promise<RewardDto> {
  const body = validate(CreateRewardBody, input);
  const { kind, ...fields } = body;
  const columns = rewardColumns(fields);
  const shape = {
    title: body.title,
    available_from: body.availableFrom ?? null,
    available_until: body.availableUntil ?? null,
    points_per_unit: body.pointsPerUnit ?? null,
    currency: body.currency ?? null,
  };
  checkReward(kind, shape, body.stock !== undefined && body.stock !== null);
  const resource = await loadCatalogue(ctx, community);
  authorize(cataloguePolicy, 'manageRewards', ctx.actor, resource);
  const communityId = resource.community.id;
  await checkRewardRefs(ctx.kernel.db, communityId, body, {
    uploaderId: resource.membership?.id ?? null,
    rewardId: null,
  });
  const row = await transact(ctx.kernel, async (trx, emit) => {
    const created = await insertReward(trx, {
      ...columns,
      id: newId(),
      community_id: communityId,
      kind,
      title: body.title.trim(),
      cost: body.cost,
      stock: kind === 'voucher' ? 0 : (body.stock ?? null),
    });
    await attachRewardImage(trx, { id: created.id, image_id: null }, created.image_id);
    const payload: RewardChangedPayload = {
      communityId,
      rewardId: created.id,
      kind,
      changed: Object.keys(body).sort(),
    };
    await emit({ type: CatalogueEvents.rewardCreated, communityId, actorUserId: ctx.actor!.userId, payload });
    await writeAudit(trx, {
      communityId,
      actorUserId: ctx.actor!.userId,
      action: 'reward.create',
      targetType: 'reward',
      targetId: created.id,
      data: { kind, title: created.title, cost: created.cost, stock: created.stock },
    });
    return created;
  });
  return (await viewRewards(ctx, resource, [row])).items[0];
}
