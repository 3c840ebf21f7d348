import { type Expression, type SqlBool, sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import type { LedgerKind } from '../../platform/db/schema-rewards.ts';
import { cursorTime } from '../../platform/db/cursor-time.ts';

/** An award's status derived from the rows that settle it (null for entries that are not awards). */
const STATUS = sql<string | null>`CASE WHEN l.kind <> 'award' THEN NULL
  WHEN EXISTS (SELECT 1 FROM points_ledger c WHERE c.parent_id = l.id AND c.kind = 'denial') THEN 'denied'
  WHEN EXISTS (SELECT 1 FROM points_ledger c WHERE c.parent_id = l.id AND c.kind = 'reversal') THEN 'reversed'
  WHEN EXISTS (SELECT 1 FROM points_ledger c WHERE c.parent_id = l.id AND c.kind = 'release') THEN 'available'
  ELSE 'pending' END`;

/** Filters of a ledger listing. */
export interface LedgerFilters {
  memberId?: string;
  kind?: LedgerKind;
  status?: 'pending' | 'available' | 'denied' | 'reversed';
  /** Inclusive UTC dates (YYYY-MM-DD). */
  from?: string;
  to?: string;
}

function filtered(db: Queryable, communityId: string, f: LedgerFilters) {
  let query = db
    .selectFrom('points_ledger as l')
    .innerJoin('memberships as m', 'm.id', 'l.member_id')
    .selectAll('l')
    .select(['m.pseudonym', STATUS.as('status'), cursorTime('l.created_at').as('cursor_at')])
    .where('l.community_id', '=', communityId);
  if (f.memberId) query = query.where('l.member_id', '=', f.memberId);
  if (f.kind) query = query.where('l.kind', '=', f.kind);
  if (f.status) query = query.where('l.kind', '=', 'award').where(sql<SqlBool>`${STATUS} = ${f.status}`);
  if (f.from) query = query.where('l.created_at', '>=', sql<Date>`${f.from}::date::timestamptz`);
  if (f.to) query = query.where('l.created_at', '<', sql<Date>`(${f.to}::date + 1)::timestamptz`);
  return query;
}

/** A page of a community's ledger, newest first (keyset on created_at, id), with awards' statuses. */
export async function listLedgerRows(
  db: Queryable,
  communityId: string,
  filters: LedgerFilters,
  page: { limit: number; after: [string, string] | null },
) {
  let query = filtered(db, communityId, filters);
  if (page.after) {
    const [at, id] = page.after;
    query = query.where(
      sql<SqlBool>`(l.created_at, l.id) < (${at}::timestamptz, ${id}::uuid)` as Expression<SqlBool>,
    );
  }
  return query
    .orderBy('l.created_at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(page.limit + 1)
    .execute();
}

/** Up to `limit` entries of a community's ledger for the CSV export, oldest first. */
export async function exportLedgerRows(
  db: Queryable,
  communityId: string,
  filters: LedgerFilters,
  limit: number,
) {
  return filtered(db, communityId, filters).orderBy('l.created_at').orderBy('l.id').limit(limit).execute();
}

/** A member's leaderboard opt-out. */
export async function isOptedOut(db: Queryable, memberId: string): Promise<boolean> {
  const row = await db
    .selectFrom('leaderboard_opt_outs')
    .select('member_id')
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return !!row;
}

/** Records or lifts a member's leaderboard opt-out; true when something changed. */
export async function setOptOut(db: Queryable, communityId: string, memberId: string, optOut: boolean) {
  if (optOut) {
    const rows = await db
      .insertInto('leaderboard_opt_outs')
      .values({ member_id: memberId, community_id: communityId })
      .onConflict((oc) => oc.column('member_id').doNothing())
      .returning('member_id')
      .execute();
    return rows.length > 0;
  }
  const result = await db
    .deleteFrom('leaderboard_opt_outs')
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The name of a member's current rank, or null. */
export async function findRankName(db: Queryable, memberId: string): Promise<string | null> {
  const row = await db
    .selectFrom('member_ranks as mr')
    .innerJoin('ranks as r', 'r.id', 'mr.rank_id')
    .select('r.name')
    .where('mr.member_id', '=', memberId)
    .executeTakeFirst();
  return row?.name ?? null;
}

/** A page of a community's burst flags (open ones unless `all`), newest first. */
export async function listFlagRows(
  db: Queryable,
  communityId: string,
  options: { all: boolean; limit: number; after: [string, string] | null },
) {
  let query = db
    .selectFrom('points_flags as f')
    .innerJoin('memberships as m', 'm.id', 'f.member_id')
    .select([
      'f.id',
      'f.member_id',
      'm.pseudonym',
      'f.points_in_hour',
      'f.threshold',
      'f.created_at',
      'f.resolved_at',
      cursorTime('f.created_at').as('cursor_at'),
    ])
    .where('f.community_id', '=', communityId);
  if (!options.all) query = query.where('f.resolved_at', 'is', null);
  if (options.after) {
    const [at, id] = options.after;
    query = query.where(sql<SqlBool>`(f.created_at, f.id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  return query
    .orderBy('f.created_at', 'desc')
    .orderBy('f.id', 'desc')
    .limit(options.limit + 1)
    .execute();
}

/** Marks an open burst flag resolved; null when there is no such open flag. */
export async function resolveFlag(db: Queryable, communityId: string, flagId: string, actorUserId: string) {
  return db
    .updateTable('points_flags')
    .set({ resolved_at: sql<Date>`now()`, resolved_by_user_id: actorUserId })
    .where('community_id', '=', communityId)
    .where('id', '=', flagId)
    .where('resolved_at', 'is', null)
    .returning(['id', 'member_id'])
    .executeTakeFirst();
}
