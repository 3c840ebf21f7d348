import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import { newId } from '../../platform/db/ids.ts';
import type { LedgerBucket, LedgerKind, LedgerRow } from '../../platform/db/schema-rewards.ts';
import { AppError } from '../../platform/errors/app-error.ts';

/** An entry to append to the points ledger (see migration 0011 for the rules each kind obeys). */
export interface NewLedgerEntry {
  communityId: string;
  memberId: string;
  kind: LedgerKind;
  bucket: LedgerBucket;
  /** Signed: added to the bucket. */
  points: number;
  /** Unique per community: the same key appended twice writes once (a replayed event never pays twice). */
  idempotencyKey: string;
  parentId?: string | null;
  action?: string | null;
  reason?: string | null;
  sourceEventId?: string | null;
  sourceType?: string | null;
  sourceId?: string | null;
  counterpartId?: string | null;
  actorUserId?: string | null;
  redemptionId?: string | null;
  releaseAt?: Date | null;
}

/** A member's cached balances (they equal the sums of the ledger; `findBalanceMismatches` checks it). */
export interface PointsBalance {
  pending: number;
  available: number;
  lifetime: number;
}

/** Kinds whose `available` points count towards lifetime earnings (spending and refunds do not). */
const LIFETIME_KINDS: readonly LedgerKind[] = ['release', 'reversal', 'adjustment'];

/** What one entry adds to its member's balances. */
function deltaOf(kind: LedgerKind, bucket: LedgerBucket, points: number): PointsBalance {
  return {
    pending: bucket === 'pending' ? points : 0,
    available: bucket === 'available' ? points : 0,
    lifetime: bucket === 'available' && LIFETIME_KINDS.includes(kind) ? points : 0,
  };
}

/** True for PostgreSQL's check violation on a balance (it would go below zero). */
function isBalanceCheckViolation(error: unknown): boolean {
  const e = error as { code?: string; table?: string; constraint?: string };
  return (
    e?.code === '23514' && (e.table === 'points_balances' || !!e.constraint?.startsWith('points_balances'))
  );
}

/**
 * Appends entries to the ledger and applies them to the cached balances, in the caller's transaction.
 * An entry whose idempotency key the community already has is skipped (and so is its balance change).
 * Returns the rows actually written. Throws `conflict` (`points.error.insufficient`) when a balance would
 * go below zero: the database's CHECK refuses it even under concurrent requests, and the transaction
 * must then be rolled back by the caller (it is, when the error propagates out of `transact`).
 */
export async function appendLedgerEntries(
  db: Queryable,
  entries: readonly NewLedgerEntry[],
): Promise<LedgerRow[]> {
  if (entries.length === 0) return [];
  const written = await db
    .insertInto('points_ledger')
    .values(
      entries.map((e) => ({
        id: newId(),
        community_id: e.communityId,
        member_id: e.memberId,
        kind: e.kind,
        bucket: e.bucket,
        points: e.points,
        parent_id: e.parentId ?? null,
        action: e.action ?? null,
        reason: e.reason ?? null,
        source_event_id: e.sourceEventId ?? null,
        source_type: e.sourceType ?? null,
        source_id: e.sourceId ?? null,
        counterpart_id: e.counterpartId ?? null,
        actor_user_id: e.actorUserId ?? null,
        redemption_id: e.redemptionId ?? null,
        release_at: e.releaseAt ?? null,
        idempotency_key: e.idempotencyKey,
      })),
    )
    .onConflict((oc) => oc.columns(['community_id', 'idempotency_key']).doNothing())
    .returningAll()
    .execute();
  await syncDueQueue(db, written);
  const deltas = new Map<string, PointsBalance & { communityId: string }>();
  for (const row of written) {
    const d = deltaOf(row.kind, row.bucket, row.points);
    const sum = deltas.get(row.member_id) ?? {
      communityId: row.community_id,
      pending: 0,
      available: 0,
      lifetime: 0,
    };
    sum.pending += d.pending;
    sum.available += d.available;
    sum.lifetime += d.lifetime;
    deltas.set(row.member_id, sum);
  }
  try {
    for (const [memberId, d] of deltas) {
      // A row at zero first: an INSERT's values are checked before ON CONFLICT, so a negative delta
      // cannot be upserted in one statement.
      await db
        .insertInto('points_balances')
        .values({ member_id: memberId, community_id: d.communityId })
        .onConflict((oc) => oc.column('member_id').doNothing())
        .execute();
      await db
        .updateTable('points_balances')
        .set({
          pending: sql<number>`pending + ${d.pending}`,
          available: sql<number>`available + ${d.available}`,
          lifetime: sql<number>`lifetime + ${d.lifetime}`,
          updated_at: sql<Date>`now()`,
        })
        .where('member_id', '=', memberId)
        .execute();
    }
  } catch (error) {
    if (isBalanceCheckViolation(error))
      throw new AppError('conflict', { messageKey: 'points.error.insufficient' });
    throw error;
  }
  return written;
}

/** Kinds that settle an award (its row leaves the release queue). */
const SETTLING_KINDS: readonly LedgerKind[] = ['release', 'denial', 'reversal'];

/**
 * Keeps `points_awards_due` (the release job's queue) in step with the entries just written: an award
 * with a release date joins it, an entry settling an award takes that award out.
 */
async function syncDueQueue(db: Queryable, written: readonly LedgerRow[]): Promise<void> {
  const due = written.filter((r) => r.kind === 'award' && r.release_at !== null);
  if (due.length > 0)
    await db
      .insertInto('points_awards_due')
      .values(due.map((r) => ({ award_id: r.id, community_id: r.community_id, release_at: r.release_at! })))
      .execute();
  const settled = [
    ...new Set(
      written.filter((r) => r.parent_id && SETTLING_KINDS.includes(r.kind)).map((r) => r.parent_id!),
    ),
  ];
  if (settled.length > 0) await db.deleteFrom('points_awards_due').where('award_id', 'in', settled).execute();
}

/**
 * Locks a member's balance row for the rest of the transaction (creating it at zero when missing) and
 * returns it: the way to read a balance before spending it, so two spenders wait for each other.
 */
export async function lockBalance(
  db: Queryable,
  communityId: string,
  memberId: string,
): Promise<PointsBalance> {
  await db
    .insertInto('points_balances')
    .values({ member_id: memberId, community_id: communityId })
    .onConflict((oc) => oc.column('member_id').doNothing())
    .execute();
  return db
    .selectFrom('points_balances')
    .select(['pending', 'available', 'lifetime'])
    .where('member_id', '=', memberId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** A member's balances without locking (zero when they never earned anything). */
export async function findBalance(db: Queryable, memberId: string): Promise<PointsBalance> {
  const row = await db
    .selectFrom('points_balances')
    .select(['pending', 'available', 'lifetime'])
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row ?? { pending: 0, available: 0, lifetime: 0 };
}

/**
 * The members of a community whose cached balance differs from the sums of their ledger entries (with
 * both sides): empty when the cache is right. DESIGN rule 11's proof, run by the tests.
 */
export async function findBalanceMismatches(db: Queryable, communityId: string) {
  const lifetimeKinds = sql.join(LIFETIME_KINDS.map((k) => sql.lit(k)));
  const result = await sql<{
    member_id: string;
    cached_pending: number | null;
    cached_available: number | null;
    cached_lifetime: number | null;
    ledger_pending: number;
    ledger_available: number;
    ledger_lifetime: number;
  }>`
    WITH sums AS (
      SELECT member_id,
        coalesce(sum(points) FILTER (WHERE bucket = 'pending'), 0)::int AS pending,
        coalesce(sum(points) FILTER (WHERE bucket = 'available'), 0)::int AS available,
        coalesce(sum(points) FILTER (WHERE bucket = 'available' AND kind IN (${lifetimeKinds})), 0)::int AS lifetime
      FROM points_ledger WHERE community_id = ${communityId} GROUP BY member_id
    )
    SELECT coalesce(s.member_id, b.member_id) AS member_id,
      b.pending AS cached_pending, b.available AS cached_available, b.lifetime AS cached_lifetime,
      coalesce(s.pending, 0) AS ledger_pending, coalesce(s.available, 0) AS ledger_available,
      coalesce(s.lifetime, 0) AS ledger_lifetime
    FROM sums s
    FULL JOIN (SELECT * FROM points_balances WHERE community_id = ${communityId}) b ON b.member_id = s.member_id
    WHERE coalesce(b.pending, 0) <> coalesce(s.pending, 0)
       OR coalesce(b.available, 0) <> coalesce(s.available, 0)
       OR coalesce(b.lifetime, 0) <> coalesce(s.lifetime, 0)
  `.execute(db);
  return result.rows;
}
