import type { Ctx } from '../../../../platform/context.ts';
import type { RewardRow } from '../../../../platform/db/schema-catalogue.ts';
import { findBalance, type PointsBalance } from '../../ledger.repository.ts';
import { unavailableReason } from '../availability.ts';
import { type CatalogueResource, cataloguePolicy } from '../catalogue.policy.ts';
import { presentReward } from '../catalogue.presenter.ts';
import { countMemberRedemptions } from '../catalogue.repository.ts';
import type { RewardDto } from '../catalogue.schemas.ts';

/**
 * Presents rewards for the actor in two queries whatever their number: their balance and their live
 * redemptions per reward, then why each reward is out of their reach (null for someone who may not
 * redeem at all: they see the catalogue without a reason per reward).
 */
export async function viewRewards(
  ctx: Ctx,
  resource: CatalogueResource,
  rows: RewardRow[],
): Promise<{ items: RewardDto[]; balance: PointsBalance | null }> {
  const member = resource.membership;
  if (!member) {
    return {
      items: rows.map((r) => presentReward(r, { myRedemptions: 0, unavailableReason: null })),
      balance: null,
    };
  }
  const balance = await findBalance(ctx.kernel.db, member.id);
  const held = await countMemberRedemptions(
    ctx.kernel.db,
    member.id,
    rows.map((r) => r.id),
  );
  const redeems = cataloguePolicy.redeemRewards(ctx.actor, resource);
  const now = new Date();
  const items = rows.map((row) => {
    const mine = held.get(row.id) ?? 0;
    return presentReward(row, {
      myRedemptions: mine,
      unavailableReason: redeems ? unavailableReason(row, { now, balance, held: mine }) : null,
    });
  });
  return { items, balance };
}
