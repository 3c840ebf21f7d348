import { type Locale, translate } from '../../../../common/i18n/index.ts';
import type { RedemptionStatus, RewardRow } from '../../../platform/db/schema-catalogue.ts';
import { cashAmount, type UnavailableReason } from './availability.ts';
import type { RedemptionDetailRow } from './catalogue.repository.ts';
import type { RewardLabels } from './eligibility.ts';
import type { RedemptionDto, RewardDto } from './catalogue.schemas.ts';

/** The label of a redemption status in a language: one key for the web, the API and the emails. */
export function redemptionStatusLabel(locale: Locale, status: RedemptionStatus): string {
  return translate(locale, `rewards.status.${status}`);
}

/**
 * Presents a reward (an allow-list of fields) with the viewer's count and why they cannot redeem it, and
 * the names of the rank and segment it is reserved for and its image (`labels`).
 */
export function presentReward(
  row: RewardRow,
  viewer: { myRedemptions: number; unavailableReason: UnavailableReason | null },
  labels: RewardLabels,
): RewardDto {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    cost: row.cost,
    stock: row.stock,
    perMemberLimit: row.per_member_limit,
    availableFrom: row.available_from ? row.available_from.toISOString() : null,
    availableUntil: row.available_until ? row.available_until.toISOString() : null,
    minLifetimePoints: row.min_lifetime_points,
    minRank:
      row.min_rank_position !== null
        ? { position: row.min_rank_position, name: labels.rankNames.get(row.min_rank_position) ?? '' }
        : null,
    segment: row.segment_id
      ? { id: row.segment_id, name: labels.segmentNames.get(row.segment_id) ?? '' }
      : null,
    image: row.image_id ? (labels.images.get(row.image_id) ?? null) : null,
    cashOut:
      row.points_per_unit !== null && row.currency !== null
        ? {
            pointsPerUnit: row.points_per_unit,
            currency: row.currency,
            amount: cashAmount(row.cost, row.points_per_unit),
          }
        : null,
    active: row.active,
    myRedemptions: viewer.myRedemptions,
    unavailableReason: viewer.unavailableReason,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * Presents a redemption. The voucher code goes to its redeemer only (`revealCode`); the shipping address
 * to its redeemer and to staff, who ship it.
 */
export function presentRedemption(
  row: RedemptionDetailRow,
  locale: Locale,
  viewer: { revealCode: boolean; abilities: Record<string, boolean> },
): RedemptionDto {
  return {
    id: row.id,
    reward: { id: row.reward_id, kind: row.reward_kind, title: row.reward_title },
    member: { id: row.member_id, pseudonym: row.member_pseudonym },
    cost: row.cost,
    status: row.status,
    statusLabel: redemptionStatusLabel(locale, row.status),
    shippingAddress: row.shipping_address,
    reason: row.reason,
    code: viewer.revealCode ? row.voucher_code : null,
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
    fulfilledAt: row.fulfilled_at ? row.fulfilled_at.toISOString() : null,
    abilities: viewer.abilities,
  };
}
