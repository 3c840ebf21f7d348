import type { Ctx } from '../../../../platform/context.ts';
import type { RewardRow } from '../../../../platform/db/schema-catalogue.ts';
import { findBalance, type PointsBalance } from '../../ledger.repository.ts';
import { unavailableReason } from '../availability.ts';
import { type CatalogueResource, cataloguePolicy } from '../catalogue.policy.ts';
import { presentReward } from '../catalogue.presenter.ts';
import { countMemberRedemptions } from '../catalogue.repository.ts';
import { eligibilityFacts, rewardLabels } from '../eligibility.ts';
import type { RewardDto } from '../catalogue.schemas.ts';

/**
 * Presents rewards for the actor in a few queries whatever their number: the names and images they
 * refer to, the actor's balance, live redemptions per reward, rank and segments, then why each reward
 * is out of their reach (null for someone who may not redeem at all: they see the catalogue without a
 * reason per reward).
 */
export async function viewRewards(
  ctx: Ctx,
  resource: CatalogueResource,
  rows: RewardRow[],
): Promise<{ items: RewardDto[]; balance: PointsBalance | null }> {
  const member = resource.membership;
  const labels = await rewardLabels(ctx.kernel.db, resource.community.id, rows);
  if (!member) {
    return {
      items: rows.map((r) => presentReward(r, { myRedemptions: 0, unavailableReason: null }, labels)),
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
  const eligibility = redeems ? await eligibilityFacts(ctx.kernel.db, member.id, rows) : null;
  const now = new Date();
  const items = rows.map((row) => {
    const mine = held.get(row.id) ?? 0;
    return presentReward(
      row,
      {
        myRedemptions: mine,
        unavailableReason: eligibility
          ? unavailableReason(row, { now, balance, held: mine, ...eligibility })
          : null,
      },
      labels,
    );
  });
  return { items, balance };
}
