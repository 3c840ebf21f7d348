import { sql } from 'kysely';
import type { Queryable } from '../../../platform/db/database.ts';
import type {
  RedemptionRow,
  RedemptionStatus,
  RedemptionTable,
  RewardRow,
  RewardTable,
} from '../../../platform/db/schema-catalogue.ts';
import type { Insertable, Updateable } from 'kysely';

/** Statuses whose redemptions count towards a member's limit (and hold their points). */
export const LIVE_STATUSES: readonly RedemptionStatus[] = ['requested', 'approved', 'fulfilled'];

/** Inserts a reward and returns it. */
export async function insertReward(db: Queryable, row: Insertable<RewardTable>): Promise<RewardRow> {
  return db.insertInto('rewards').values(row).returningAll().executeTakeFirstOrThrow();
}

/** A reward of a community, or undefined. */
export async function findReward(db: Queryable, communityId: string, rewardId: string) {
  return db
    .selectFrom('rewards')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', rewardId)
    .executeTakeFirst();
}

/** Locks a reward's row for the rest of the transaction (its stock) and returns it. */
export async function lockReward(db: Queryable, rewardId: string): Promise<RewardRow> {
  return db
    .selectFrom('rewards')
    .selectAll()
    .where('id', '=', rewardId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** Applies changes to a reward and returns it. */
export async function updateRewardRow(
  db: Queryable,
  rewardId: string,
  changes: Updateable<RewardTable>,
): Promise<RewardRow> {
  return db
    .updateTable('rewards')
    .set({ ...changes, updated_at: sql<Date>`now()` })
    .where('id', '=', rewardId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Adds (or, negative, takes) units to a reward's stock when it is counted; the CHECK keeps it ≥ 0. */
export async function addStock(db: Queryable, rewardId: string, delta: number): Promise<void> {
  await db
    .updateTable('rewards')
    .set({ stock: sql<number>`stock + ${delta}`, updated_at: sql<Date>`now()` })
    .where('id', '=', rewardId)
    .where('stock', 'is not', null)
    .execute();
}

/** One page of a community's catalogue, cheapest first (inactive rewards only when asked). */
export async function listRewardRows(
  db: Queryable,
  communityId: string,
  options: { includeInactive: boolean; limit: number; after: [number, string] | null },
) {
  let query = db.selectFrom('rewards').selectAll().where('community_id', '=', communityId);
  if (!options.includeInactive) query = query.where('active', '=', true);
  if (options.after) {
    const [cost, id] = options.after;
    query = query.where(sql<boolean>`(cost, id) > (${cost}, ${id})`);
  }
  return query
    .orderBy('cost')
    .orderBy('id')
    .limit(options.limit + 1)
    .execute();
}

/** How many live redemptions a member holds per reward, for these rewards. */
export async function countMemberRedemptions(
  db: Queryable,
  memberId: string,
  rewardIds: string[],
): Promise<Map<string, number>> {
  if (rewardIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('redemptions')
    .select(['reward_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('member_id', '=', memberId)
    .where('reward_id', 'in', rewardIds)
    .where('status', 'in', LIVE_STATUSES)
    .groupBy('reward_id')
    .execute();
  return new Map(rows.map((r) => [r.reward_id, Number(r.n)]));
}

/** Which of these codes a reward already has. */
export async function findExistingCodes(
  db: Queryable,
  rewardId: string,
  codes: string[],
): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .selectFrom('voucher_codes')
    .select('code')
    .where('reward_id', '=', rewardId)
    .where('code', 'in', codes)
    .execute();
  return new Set(rows.map((r) => r.code));
}

/** Inserts voucher codes (ids given), skipping any the reward already has; returns how many were new. */
export async function insertVoucherCodes(
  db: Queryable,
  rows: { id: string; community_id: string; reward_id: string; code: string }[],
): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    const written = await db
      .insertInto('voucher_codes')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) => oc.constraint('voucher_codes_reward_code_key').doNothing())
      .returning('id')
      .execute();
    inserted += written.length;
  }
  return inserted;
}

/**
 * Hands a free code of a reward to a redemption: the first one nobody else is taking (`SKIP LOCKED`, so
 * concurrent redemptions never wait for each other's code nor get the same one). Returns it, or null.
 */
export async function takeVoucherCode(db: Queryable, rewardId: string, redemptionId: string) {
  const free = await db
    .selectFrom('voucher_codes')
    .select('id')
    .where('reward_id', '=', rewardId)
    .where('redemption_id', 'is', null)
    .orderBy('id')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  if (!free) return null;
  return db
    .updateTable('voucher_codes')
    .set({ redemption_id: redemptionId, assigned_at: sql<Date>`now()` })
    .where('id', '=', free.id)
    .returning(['id', 'code'])
    .executeTakeFirstOrThrow();
}

/** A member's redemption by its idempotency key, or undefined. */
export async function findRedemptionByKey(db: Queryable, memberId: string, key: string) {
  return db
    .selectFrom('redemptions')
    .selectAll()
    .where('member_id', '=', memberId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/** Inserts a redemption and returns it. */
export async function insertRedemption(
  db: Queryable,
  row: Insertable<RedemptionTable>,
): Promise<RedemptionRow> {
  return db.insertInto('redemptions').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Locks a redemption's row for the rest of the transaction and returns it. */
export async function lockRedemption(db: Queryable, redemptionId: string): Promise<RedemptionRow> {
  return db
    .selectFrom('redemptions')
    .selectAll()
    .where('id', '=', redemptionId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** Moves a redemption to a new status with its decision facts, and returns it. */
export async function updateRedemptionRow(
  db: Queryable,
  redemptionId: string,
  changes: Updateable<RedemptionTable>,
): Promise<RedemptionRow> {
  return db
    .updateTable('redemptions')
    .set({ ...changes, updated_at: sql<Date>`now()` })
    .where('id', '=', redemptionId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The ledger entry that reserved a redemption's points (the parent of its refund). */
export async function findRedemptionEntry(db: Queryable, communityId: string, redemptionId: string) {
  return db
    .selectFrom('points_ledger')
    .select(['id', 'points'])
    .where('community_id', '=', communityId)
    .where('idempotency_key', '=', `redeem:${redemptionId}`)
    .executeTakeFirst();
}

function redemptionDetails(db: Queryable) {
  return db
    .selectFrom('redemptions as r')
    .innerJoin('rewards as w', 'w.id', 'r.reward_id')
    .innerJoin('memberships as m', 'm.id', 'r.member_id')
    .leftJoin('voucher_codes as v', 'v.redemption_id', 'r.id')
    .selectAll('r')
    .select([
      'w.title as reward_title',
      'w.kind as reward_kind',
      'm.pseudonym as member_pseudonym',
      'v.code as voucher_code',
    ]);
}

/** A redemption of a community with its reward, its member's pseudonym and its code, or undefined. */
export async function findRedemptionDetail(db: Queryable, communityId: string, redemptionId: string) {
  return redemptionDetails(db)
    .where('r.community_id', '=', communityId)
    .where('r.id', '=', redemptionId)
    .executeTakeFirst();
}

/** A redemption with its reward, member and code (as read for presenting). */
export type RedemptionDetailRow = NonNullable<Awaited<ReturnType<typeof findRedemptionDetail>>>;

/**
 * One page of redemptions, oldest first: the community's queue (staff), or one member's own when
 * `memberId` is given (newest first). Pages are keyed by id (a time-ordered UUID v7).
 */
export async function listRedemptionRows(
  db: Queryable,
  communityId: string,
  options: {
    memberId: string | null;
    status: RedemptionStatus | null;
    limit: number;
    after: string | null;
  },
): Promise<RedemptionDetailRow[]> {
  let query = redemptionDetails(db).where('r.community_id', '=', communityId);
  if (options.memberId) query = query.where('r.member_id', '=', options.memberId);
  if (options.status) query = query.where('r.status', '=', options.status);
  const newestFirst = !!options.memberId;
  if (options.after) query = query.where('r.id', newestFirst ? '<' : '>', options.after);
  return query
    .orderBy('r.id', newestFirst ? 'desc' : 'asc')
    .limit(options.limit + 1)
    .execute();
}
