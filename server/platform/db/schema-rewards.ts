import type { Generated, Selectable } from 'kysely';
import type { NullableTimestamp, Timestamp } from './schema.ts';

/** What a ledger entry records (migration 0011). */
export type LedgerKind = 'award' | 'release' | 'denial' | 'reversal' | 'adjustment' | 'redemption' | 'refund';

/** The two buckets of a member's points: not yet confirmed, and spendable. */
export type LedgerBucket = 'pending' | 'available';

/** One append-only entry of the points ledger; never updated nor deleted. */
export interface PointsLedgerTable {
  id: string;
  community_id: string;
  member_id: string;
  kind: LedgerKind;
  bucket: LedgerBucket;
  /** Signed: what the entry adds to (or takes from) its bucket. */
  points: number;
  /** The entry this one settles (a release, denial or reversal of an award; a refund of a redemption). */
  parent_id: string | null;
  /** The rule's action for awards (`reply.posted`, `solution.accepted`...). */
  action: string | null;
  /** Shown to the member: why an adjustment, a denial or a reversal happened. */
  reason: string | null;
  source_event_id: string | null;
  /** What earned or cost the points (`reply`, `topic`, `reward`...) and its id, for reversals. */
  source_type: string | null;
  source_id: string | null;
  /** The other member involved (the giver of kudos...), for the per-pair daily cap. */
  counterpart_id: string | null;
  /** The staff account that adjusted, released or denied by hand. */
  actor_user_id: string | null;
  redemption_id: string | null;
  /** For awards: when the review period ends and the points may be released. */
  release_at: NullableTimestamp;
  idempotency_key: string;
  created_at: Timestamp;
}

/** The cached sums of a member's ledger (checked against it by a test). */
export interface PointsBalanceTable {
  member_id: string;
  community_id: string;
  pending: Generated<number>;
  available: Generated<number>;
  lifetime: Generated<number>;
  updated_at: Timestamp;
}

/** The rewards area's tables. */
export interface RewardsTables {
  points_ledger: PointsLedgerTable;
  points_balances: PointsBalanceTable;
}

/** A ledger row as read. */
export type LedgerRow = Selectable<PointsLedgerTable>;
