import type { Generated, Selectable } from 'kysely';
import type { NullableTimestamp, Timestamp } from './schema.ts';

/** What a reward is (migration 0013): a shipped gift, a voucher code, a donation, or points cashed out. */
export type RewardKind = 'gift' | 'voucher' | 'donation' | 'cashout';

/** Where a redemption stands: requested → approved → fulfilled, or rejected / cancelled (points refunded). */
export type RedemptionStatus = 'requested' | 'approved' | 'fulfilled' | 'rejected' | 'cancelled';

/** A reward of a community's catalogue. */
export interface RewardTable {
  id: string;
  community_id: string;
  kind: RewardKind;
  title: string;
  description: Generated<string>;
  /** Points spent per redemption (> 0). */
  cost: number;
  /** Units left; null = unlimited. For vouchers: the codes not handed out yet. */
  stock: number | null;
  /** Redemptions per member, not counting rejected or cancelled ones; null = no limit. */
  per_member_limit: number | null;
  available_from: NullableTimestamp;
  available_until: NullableTimestamp;
  /** Eligibility: lifetime points the member must have earned (0 = everyone). */
  min_lifetime_points: Generated<number>;
  /** Eligibility: the lowest rank (its position in the community's list) a member must hold (migration 0021). */
  min_rank_position: number | null;
  /** Eligibility: the panel segment a member must belong to. */
  segment_id: string | null;
  /** The reward's image (an upload attached to it). */
  image_id: string | null;
  /** Cash-out only: how many points make one unit of `currency` (100 → 100 points = 1 EUR). */
  points_per_unit: number | null;
  currency: string | null;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A voucher code of a reward; `redemption_id` is set once, when it is handed out. */
export interface VoucherCodeTable {
  id: string;
  community_id: string;
  reward_id: string;
  code: string;
  redemption_id: string | null;
  assigned_at: NullableTimestamp;
  created_at: Timestamp;
}

/** A member's redemption of a reward; its points were reserved in the ledger when it was requested. */
export interface RedemptionTable {
  id: string;
  community_id: string;
  reward_id: string;
  member_id: string;
  cost: number;
  status: Generated<RedemptionStatus>;
  shipping_address: string | null;
  /** Why staff rejected it (mandatory then), or a note when it was fulfilled. */
  reason: string | null;
  idempotency_key: string;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  fulfilled_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The rewards catalogue's tables. */
export interface CatalogueTables {
  rewards: RewardTable;
  voucher_codes: VoucherCodeTable;
  redemptions: RedemptionTable;
}

/** A reward as read. */
export type RewardRow = Selectable<RewardTable>;
/** A redemption as read. */
export type RedemptionRow = Selectable<RedemptionTable>;
