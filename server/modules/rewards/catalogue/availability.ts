import type { RewardRow } from '../../../platform/db/schema-catalogue.ts';
import type { PointsBalance } from '../ledger.repository.ts';
import type { UNAVAILABLE_REASONS } from './catalogue.schemas.ts';

/** Why a member cannot redeem a reward now (the same names as the API's `unavailableReason`). */
export type UnavailableReason = (typeof UNAVAILABLE_REASONS)[number];

/** What eligibility reads about a member: their rank's position and the segments they belong to. */
export interface EligibilityFacts {
  rankPosition: number;
  /** The ids of the rewards' segments the member belongs to (only those the rewards name). */
  segments: ReadonlySet<string>;
}

/**
 * The one rule of redeemability, used by the catalogue (to say why not) and by `redeemReward` (under
 * the reward's and the balance's locks, to refuse): active, within its dates, in stock, the member
 * eligible (lifetime points, rank, segment), under the per-member limit, and able to afford it. Null:
 * redeemable.
 */
export function unavailableReason(
  reward: Pick<
    RewardRow,
    | 'active'
    | 'available_from'
    | 'available_until'
    | 'stock'
    | 'min_lifetime_points'
    | 'min_rank_position'
    | 'segment_id'
    | 'per_member_limit'
    | 'cost'
  >,
  facts: { now: Date; balance: PointsBalance; held: number } & EligibilityFacts,
): UnavailableReason | null {
  if (!reward.active) return 'inactive';
  if (reward.available_from && reward.available_from > facts.now) return 'notStarted';
  if (reward.available_until && reward.available_until <= facts.now) return 'ended';
  if (reward.stock !== null && reward.stock <= 0) return 'outOfStock';
  if (facts.balance.lifetime < reward.min_lifetime_points) return 'notEligible';
  if (reward.min_rank_position !== null && facts.rankPosition < reward.min_rank_position) return 'rankTooLow';
  if (reward.segment_id !== null && !facts.segments.has(reward.segment_id)) return 'notInSegment';
  if (reward.per_member_limit !== null && facts.held >= reward.per_member_limit) return 'limitReached';
  if (facts.balance.available < reward.cost) return 'insufficient';
  return null;
}

/** The message key of each refusal (409 conflict, in both languages). */
export const UNAVAILABLE_KEYS = {
  inactive: 'rewards.error.inactive',
  notStarted: 'rewards.error.notStarted',
  ended: 'rewards.error.ended',
  outOfStock: 'rewards.error.outOfStock',
  notEligible: 'rewards.error.notEligible',
  rankTooLow: 'rewards.error.rankTooLow',
  notInSegment: 'rewards.error.notInSegment',
  limitReached: 'rewards.error.limitReached',
  insufficient: 'points.error.insufficient',
} as const satisfies Record<UnavailableReason, string>;

/** What one cash-out redemption is worth in its currency (cost ÷ points per unit, to the cent). */
export function cashAmount(cost: number, pointsPerUnit: number): number {
  return Math.round((cost / pointsPerUnit) * 100) / 100;
}
