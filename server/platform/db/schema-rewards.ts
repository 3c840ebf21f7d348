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
export interface RewardsTables extends PointsRulesTables {
  points_ledger: PointsLedgerTable;
  points_balances: PointsBalanceTable;
}

/** A ledger row as read. */
export type LedgerRow = Selectable<PointsLedgerTable>;

/** A community's change to one default point rule (migration 0012). */
export interface PointRuleTable {
  community_id: string;
  action: string;
  points: number;
  /** At most this many points a day per member from this action (null: no cap). */
  daily_cap: number | null;
  enabled: Generated<boolean>;
  updated_at: Timestamp;
}

/** A community's points settings (no row: the defaults). */
export interface RewardsSettingsTable {
  community_id: string;
  review_hours: Generated<number>;
  pair_daily_cap: Generated<number>;
  burst_points: Generated<number>;
  updated_at: Timestamp;
}

/** One rank of a community's ordered list (position 0 asks for nothing). */
export interface RankTable {
  id: string;
  community_id: string;
  position: number;
  name: string;
  min_points: Generated<number>;
  min_solutions: Generated<number>;
  min_kudos: Generated<number>;
  min_tenure_days: Generated<number>;
  /** Progressive trust: members of this rank are not held for newcomer pre-moderation. */
  skips_premoderation: Generated<boolean>;
  /** A minimum reliability score (0–100, migration 0021); a member not scored does not meet it. */
  min_reliability: number | null;
  /** Progressive trust: members of this rank may mark solutions on any question of a board. */
  marks_any_solution: Generated<boolean>;
  created_at: Timestamp;
}

/** A member's current rank. */
export interface MemberRankTable {
  member_id: string;
  community_id: string;
  rank_id: string;
  updated_at: Timestamp;
}

/** The rules that award a badge automatically. */
export type BadgeRule = 'first_solution' | 'ten_solutions' | 'fifty_kudos' | 'five_sessions' | 'one_year';

/** A badge: rule-based (named by the interface language) or made by staff (named by them). */
export interface BadgeTable {
  id: string;
  community_id: string;
  rule: BadgeRule | null;
  name: string | null;
  description: Generated<string>;
  created_at: Timestamp;
}

/** A badge awarded to a member; revoked with a reason (never deleted). */
export interface MemberBadgeTable {
  id: string;
  community_id: string;
  badge_id: string;
  member_id: string;
  awarded_by_user_id: string | null;
  awarded_at: Timestamp;
  revoked_at: NullableTimestamp;
  revoked_by_user_id: string | null;
  revoke_reason: string | null;
}

/** A member who asked not to appear on public leaderboards. */
export interface LeaderboardOptOutTable {
  member_id: string;
  community_id: string;
  created_at: Timestamp;
}

/** A burst of points flagged for staff (one open flag per member). */
export interface PointsFlagTable {
  id: string;
  community_id: string;
  member_id: string;
  points_in_hour: number;
  threshold: number;
  created_at: Timestamp;
  resolved_at: NullableTimestamp;
  resolved_by_user_id: string | null;
}

/** The tables of points rules, ranks, badges, leaderboards and anti-abuse (migration 0012). */
export interface PointsRulesTables {
  point_rules: PointRuleTable;
  rewards_settings: RewardsSettingsTable;
  ranks: RankTable;
  member_ranks: MemberRankTable;
  badges: BadgeTable;
  member_badges: MemberBadgeTable;
  leaderboard_opt_outs: LeaderboardOptOutTable;
  points_flags: PointsFlagTable;
  points_awards_due: PointsAwardDueTable;
}

/** An award not settled yet, due for release at `release_at` (the release job's queue, migration 0021). */
export interface PointsAwardDueTable {
  award_id: string;
  community_id: string;
  release_at: Timestamp;
}
