import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import { newId } from '../../platform/db/ids.ts';
import type { LedgerRow } from '../../platform/db/schema-rewards.ts';
import {
  DEFAULT_REWARDS_SETTINGS,
  effectiveRules,
  type PointAction,
  type PointRule,
  type RewardsSettings,
} from './point-rules.ts';

/** The community's point rules (stored changes over the defaults). */
export async function loadPointRules(db: Queryable, communityId: string): Promise<PointRule[]> {
  const rows = await db
    .selectFrom('point_rules')
    .select(['action', 'points', 'daily_cap', 'enabled'])
    .where('community_id', '=', communityId)
    .execute();
  return effectiveRules(rows);
}

/** Writes the given rules of a community (insert or update each). */
export async function upsertPointRules(db: Queryable, communityId: string, rules: readonly PointRule[]) {
  if (rules.length === 0) return;
  await db
    .insertInto('point_rules')
    .values(
      rules.map((r) => ({
        community_id: communityId,
        action: r.action,
        points: r.points,
        daily_cap: r.dailyCap,
        enabled: r.enabled,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['community_id', 'action']).doUpdateSet((eb) => ({
        points: eb.ref('excluded.points'),
        daily_cap: eb.ref('excluded.daily_cap'),
        enabled: eb.ref('excluded.enabled'),
        updated_at: sql<Date>`now()`,
      })),
    )
    .execute();
}

/** The community's points settings (the defaults until changed). */
export async function loadRewardsSettings(db: Queryable, communityId: string): Promise<RewardsSettings> {
  const row = await db
    .selectFrom('rewards_settings')
    .select(['review_hours', 'pair_daily_cap', 'burst_points'])
    .where('community_id', '=', communityId)
    .executeTakeFirst();
  if (!row) return { ...DEFAULT_REWARDS_SETTINGS };
  return { reviewHours: row.review_hours, pairDailyCap: row.pair_daily_cap, burstPoints: row.burst_points };
}

/** Writes a community's points settings. */
export async function upsertRewardsSettings(db: Queryable, communityId: string, s: RewardsSettings) {
  const values = { review_hours: s.reviewHours, pair_daily_cap: s.pairDailyCap, burst_points: s.burstPoints };
  await db
    .insertInto('rewards_settings')
    .values({ community_id: communityId, ...values })
    .onConflict((oc) => oc.column('community_id').doUpdateSet({ ...values, updated_at: sql<Date>`now()` }))
    .execute();
}

/** True when the community's ledger already holds this idempotency key. */
export async function hasLedgerKey(db: Queryable, communityId: string, key: string): Promise<boolean> {
  const row = await db
    .selectFrom('points_ledger')
    .select('id')
    .where('community_id', '=', communityId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  return !!row;
}

/** Points a member was awarded today (UTC) for one action. */
export async function sumAwardedToday(db: Queryable, memberId: string, action: PointAction): Promise<number> {
  const row = await db
    .selectFrom('points_ledger')
    .select(sql<number>`coalesce(sum(points), 0)::int`.as('total'))
    .where('member_id', '=', memberId)
    .where('kind', '=', 'award')
    .where('action', '=', action)
    .where('created_at', '>=', sql<Date>`date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`)
    .executeTakeFirstOrThrow();
  return row.total;
}

/** Points a member was awarded today (UTC) because of one other member (kudos from them...). */
export async function sumPairAwardedToday(db: Queryable, memberId: string, counterpartId: string) {
  const row = await db
    .selectFrom('points_ledger')
    .select(sql<number>`coalesce(sum(points), 0)::int`.as('total'))
    .where('member_id', '=', memberId)
    .where('kind', '=', 'award')
    .where('counterpart_id', '=', counterpartId)
    .where('created_at', '>=', sql<Date>`date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`)
    .executeTakeFirstOrThrow();
  return row.total;
}

/** Points a member was awarded in the last hour (the burst detector's measure). */
export async function sumAwardedLastHour(db: Queryable, memberId: string): Promise<number> {
  const row = await db
    .selectFrom('points_ledger')
    .select(sql<number>`coalesce(sum(points), 0)::int`.as('total'))
    .where('member_id', '=', memberId)
    .where('kind', '=', 'award')
    .where('created_at', '>', sql<Date>`now() - interval '1 hour'`)
    .executeTakeFirstOrThrow();
  return row.total;
}

/** Opens a burst flag for a member unless one is already open. */
export async function openPointsFlag(
  db: Queryable,
  flag: { communityId: string; memberId: string; pointsInHour: number; threshold: number },
): Promise<void> {
  await db
    .insertInto('points_flags')
    .values({
      id: newId(),
      community_id: flag.communityId,
      member_id: flag.memberId,
      points_in_hour: flag.pointsInHour,
      threshold: flag.threshold,
    })
    .onConflict((oc) => oc.column('member_id').where('resolved_at', 'is', null).doNothing())
    .execute();
}

/** An award with what settled it so far: its derived status and the points still in each bucket. */
export interface AwardState {
  award: LedgerRow;
  status: 'pending' | 'available' | 'denied' | 'reversed';
  pending: number;
  available: number;
}

function stateOf(award: LedgerRow, children: readonly LedgerRow[]): AwardState {
  let pending = award.points;
  let available = 0;
  for (const c of children) {
    if (c.bucket === 'pending') pending += c.points;
    else available += c.points;
  }
  const kinds = new Set(children.map((c) => c.kind));
  const status = kinds.has('denial')
    ? 'denied'
    : kinds.has('reversal')
      ? 'reversed'
      : kinds.has('release')
        ? 'available'
        : 'pending';
  return { award, status, pending, available };
}

/** The awards of a community with these ids, with their derived state (unknown ids are left out). */
export async function findAwardStates(
  db: Queryable,
  communityId: string,
  awardIds: readonly string[],
): Promise<AwardState[]> {
  if (awardIds.length === 0) return [];
  const [awards, children] = await Promise.all([
    db
      .selectFrom('points_ledger')
      .selectAll()
      .where('community_id', '=', communityId)
      .where('kind', '=', 'award')
      .where('id', 'in', awardIds)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('points_ledger')
      .selectAll()
      .where('community_id', '=', communityId)
      .where('parent_id', 'in', awardIds)
      .execute(),
  ]);
  return awards.map((a) =>
    stateOf(
      a,
      children.filter((c) => c.parent_id === a.id),
    ),
  );
}

/** The ids of a community's awards earned by one item (a reply, a topic), optionally for some actions. */
export async function findAwardIdsOfSource(
  db: Queryable,
  communityId: string,
  source: { type: string; id: string; actions?: readonly PointAction[] },
): Promise<{ id: string; member_id: string }[]> {
  let query = db
    .selectFrom('points_ledger')
    .select(['id', 'member_id'])
    .where('community_id', '=', communityId)
    .where('kind', '=', 'award')
    .where('source_type', '=', source.type)
    .where('source_id', '=', source.id);
  if (source.actions) query = query.where('action', 'in', source.actions);
  return query.orderBy('id').execute();
}

/**
 * Awards whose review period ended before `now` and that nothing settled yet (no release, denial or
 * reversal), oldest first, across communities (the release job's sweep), at most `limit`: read from the
 * queue `points_awards_due`, which holds unsettled awards only (settled ones leave it as they settle).
 */
export async function findDueAwards(db: Queryable, now: Date, limit: number) {
  return db
    .selectFrom('points_awards_due')
    .select(['award_id as id', 'community_id'])
    .where('release_at', '<=', now)
    .orderBy('release_at')
    .limit(limit)
    .execute();
}

/** Takes an award out of the release queue (the job found it settled already). */
export async function dropDueAward(db: Queryable, awardId: string): Promise<void> {
  await db.deleteFrom('points_awards_due').where('award_id', '=', awardId).execute();
}

/** Whether the member belongs to the community (any status), with their membership's facts. */
export async function findMemberFacts(db: Queryable, communityId: string, memberId: string) {
  return db
    .selectFrom('memberships')
    .select(['id', 'status', 'role', 'pseudonym', 'joined_at'])
    .where('community_id', '=', communityId)
    .where('id', '=', memberId)
    .executeTakeFirst();
}

/**
 * Whether a published reply is the fast first answer to a question: the question's first published reply
 * by someone other than its asker, written within a day of the question. Null when the reply is unknown.
 */
export async function findFastAnswerFacts(db: Queryable, communityId: string, replyId: string) {
  const row = await db
    .selectFrom('replies as r')
    .innerJoin('topics as t', 't.id', 'r.topic_id')
    .select((eb) => [
      'r.author_id',
      't.author_id as topic_author_id',
      't.kind',
      sql<boolean>`r.created_at <= t.created_at + interval '1 day'`.as('within_a_day'),
      eb
        .selectFrom('replies as f')
        .select('f.id')
        .whereRef('f.topic_id', '=', 't.id')
        .whereRef('f.author_id', '<>', 't.author_id')
        .where('f.status', '=', 'published')
        .orderBy('f.created_at')
        .orderBy('f.id')
        .limit(1)
        .as('first_answer_id'),
    ])
    .where('r.community_id', '=', communityId)
    .where('r.id', '=', replyId)
    .where('r.status', '=', 'published')
    .executeTakeFirst();
  if (!row) return null;
  return {
    authorId: row.author_id,
    fast:
      row.kind === 'question' &&
      row.author_id !== row.topic_author_id &&
      row.within_a_day &&
      row.first_answer_id === replyId,
  };
}
