import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import { newId } from '../../platform/db/ids.ts';
import type { BadgeRule } from '../../platform/db/schema-rewards.ts';

/** What ranks and rule badges measure about a member. */
export interface MemberMetrics {
  member_id: string;
  points: number;
  solutions: number;
  kudos: number;
  tenure_days: number;
  /** Live sessions attended (admitted to a session that ended). */
  sessions: number;
  /** The panel's reliability score (0–100), null when not scored. */
  reliability: number | null;
}

/**
 * The metrics of some members of a community (all of them when `memberIds` is null), in one query:
 * lifetime points (the cached balance), accepted solutions standing on published replies, kudos
 * received, whole days since joining, live sessions attended and the panel's reliability score.
 */
export async function findMemberMetrics(
  db: Queryable,
  communityId: string,
  memberIds: readonly string[] | null,
): Promise<MemberMetrics[]> {
  let query = db
    .selectFrom('memberships as m')
    .leftJoin('points_balances as b', 'b.member_id', 'm.id')
    .select((eb) => [
      'm.id as member_id',
      sql<number>`coalesce(b.lifetime, 0)::int`.as('points'),
      eb
        .selectFrom('replies as r')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('r.author_id', '=', 'm.id')
        .where('r.is_solution', '=', true)
        .where('r.status', '=', 'published')
        .as('solutions'),
      eb
        .selectFrom('kudos as k')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('k.receiver_id', '=', 'm.id')
        .as('kudos'),
      sql<number>`floor(extract(epoch FROM now() - m.joined_at) / 86400)::int`.as('tenure_days'),
      eb
        .selectFrom('live_participants as lp')
        .innerJoin('live_sessions as ls', 'ls.id', 'lp.session_id')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('lp.member_id', '=', 'm.id')
        .where('lp.admitted_at', 'is not', null)
        .where('ls.status', '=', 'ended')
        .as('sessions'),
      'm.reliability_score',
    ])
    .where('m.community_id', '=', communityId)
    .where('m.status', '=', 'active');
  if (memberIds) {
    if (memberIds.length === 0) return [];
    query = query.where('m.id', 'in', memberIds);
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    member_id: r.member_id,
    points: r.points,
    solutions: r.solutions ?? 0,
    kudos: r.kudos ?? 0,
    tenure_days: r.tenure_days,
    sessions: r.sessions ?? 0,
    reliability: r.reliability_score,
  }));
}

/** A rank as stored, thresholds included. */
export interface RankThresholds {
  id: string;
  position: number;
  name: string;
  min_points: number;
  min_solutions: number;
  min_kudos: number;
  min_tenure_days: number;
  min_reliability: number | null;
  skips_premoderation: boolean;
  marks_any_solution: boolean;
}

/** A community's ranks, lowest first. */
export async function listRankRows(db: Queryable, communityId: string): Promise<RankThresholds[]> {
  return db
    .selectFrom('ranks')
    .select([
      'id',
      'position',
      'name',
      'min_points',
      'min_solutions',
      'min_kudos',
      'min_tenure_days',
      'min_reliability',
      'skips_premoderation',
      'marks_any_solution',
    ])
    .where('community_id', '=', communityId)
    .orderBy('position')
    .execute();
}

/** A rank to write (its position is its index in the list). */
export interface NewRank {
  name: string;
  minPoints: number;
  minSolutions: number;
  minKudos: number;
  minTenureDays: number;
  /** Null: no reliability asked. */
  minReliability?: number | null;
  skipsPremoderation: boolean;
  marksAnySolution?: boolean;
}

/** Inserts ranks at positions 0..n−1, skipping positions a concurrent writer already filled. */
export async function insertRanks(db: Queryable, communityId: string, ranks: readonly NewRank[]) {
  if (ranks.length === 0) return;
  await db
    .insertInto('ranks')
    .values(
      ranks.map((r, position) => ({
        id: newId(),
        community_id: communityId,
        position,
        name: r.name,
        min_points: r.minPoints,
        min_solutions: r.minSolutions,
        min_kudos: r.minKudos,
        min_tenure_days: r.minTenureDays,
        min_reliability: r.minReliability ?? null,
        skips_premoderation: r.skipsPremoderation,
        marks_any_solution: r.marksAnySolution ?? false,
      })),
    )
    .onConflict((oc) => oc.columns(['community_id', 'position']).doNothing())
    .execute();
}

/** Deletes every rank of a community (their members' ranks go with them). */
export async function deleteRanks(db: Queryable, communityId: string): Promise<void> {
  await db.deleteFrom('ranks').where('community_id', '=', communityId).execute();
}

/** The community's default locale (names of default ranks). */
export async function findCommunityLocale(db: Queryable, communityId: string): Promise<string> {
  const row = await db
    .selectFrom('communities')
    .select('default_locale')
    .where('id', '=', communityId)
    .executeTakeFirstOrThrow();
  return row.default_locale;
}

/** Sets members' current ranks (only rows that change are written). */
export async function upsertMemberRanks(
  db: Queryable,
  communityId: string,
  ranks: readonly { memberId: string; rankId: string }[],
): Promise<void> {
  if (ranks.length === 0) return;
  await db
    .insertInto('member_ranks')
    .values(ranks.map((r) => ({ member_id: r.memberId, community_id: communityId, rank_id: r.rankId })))
    .onConflict((oc) =>
      oc
        .column('member_id')
        .doUpdateSet((eb) => ({ rank_id: eb.ref('excluded.rank_id'), updated_at: sql<Date>`now()` }))
        .whereRef('member_ranks.rank_id', '<>', 'excluded.rank_id'),
    )
    .execute();
}

/** Creates the rule badges a community lacks. */
export async function ensureRuleBadges(db: Queryable, communityId: string, rules: readonly BadgeRule[]) {
  await db
    .insertInto('badges')
    .values(rules.map((rule) => ({ id: newId(), community_id: communityId, rule })))
    .onConflict((oc) => oc.columns(['community_id', 'rule']).where('rule', 'is not', null).doNothing())
    .execute();
}

/**
 * Awards rule badges to members who qualify and never held them (a badge revoked by staff is not given
 * back by its rule): `grants` pairs a member with the rules they meet.
 */
export async function grantRuleBadges(
  db: Queryable,
  communityId: string,
  grants: readonly { memberId: string; rule: BadgeRule }[],
): Promise<void> {
  if (grants.length === 0) return;
  const badges = await db
    .selectFrom('badges')
    .select(['id', 'rule'])
    .where('community_id', '=', communityId)
    .where('rule', 'is not', null)
    .execute();
  const idOf = new Map(badges.map((b) => [b.rule, b.id]));
  const wanted = grants.filter((g) => idOf.has(g.rule));
  if (wanted.length === 0) return;
  const held = await db
    .selectFrom('member_badges')
    .select(['badge_id', 'member_id'])
    .where('community_id', '=', communityId)
    .where(
      'member_id',
      'in',
      wanted.map((g) => g.memberId),
    )
    .execute();
  const heldKeys = new Set(held.map((h) => `${h.badge_id}:${h.member_id}`));
  const fresh = wanted
    .map((g) => ({ badgeId: idOf.get(g.rule)!, memberId: g.memberId }))
    .filter((g) => !heldKeys.has(`${g.badgeId}:${g.memberId}`));
  if (fresh.length === 0) return;
  await db
    .insertInto('member_badges')
    .values(
      fresh.map((g) => ({
        id: newId(),
        community_id: communityId,
        badge_id: g.badgeId,
        member_id: g.memberId,
      })),
    )
    .onConflict((oc) => oc.columns(['badge_id', 'member_id']).where('revoked_at', 'is', null).doNothing())
    .execute();
}

/** Active members who reached a year of membership and lack the `one_year` badge, across communities. */
export async function findMembersWithoutYearBadge(db: Queryable, limit: number) {
  return db
    .selectFrom('memberships as m')
    .select(['m.id', 'm.community_id'])
    .where('m.status', '=', 'active')
    .where('m.joined_at', '<=', sql<Date>`now() - interval '365 days'`)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('member_badges as mb')
            .innerJoin('badges as b', 'b.id', 'mb.badge_id')
            .select('mb.id')
            .whereRef('mb.member_id', '=', 'm.id')
            .where('b.rule', '=', 'one_year'),
        ),
      ),
    )
    .orderBy('m.joined_at')
    .limit(limit)
    .execute();
}

/** How many members hold each rank of a community. */
export async function countMembersByRank(db: Queryable, communityId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('member_ranks')
    .select(['rank_id', sql<number>`count(*)::int`.as('n')])
    .where('community_id', '=', communityId)
    .groupBy('rank_id')
    .execute();
  return new Map(rows.map((r) => [r.rank_id, r.n]));
}

/** Locks the community's ranks for a replacement (concurrent `updateRanks` wait for each other). */
export async function lockRankList(db: Queryable, communityId: string): Promise<void> {
  await db.selectFrom('communities').select('id').where('id', '=', communityId).forUpdate().execute();
}

/** Whether the member's current rank lets them post without newcomer pre-moderation. */
export async function rankSkipsPremoderation(db: Queryable, memberId: string): Promise<boolean> {
  const row = await db
    .selectFrom('member_ranks as mr')
    .innerJoin('ranks as r', 'r.id', 'mr.rank_id')
    .select('r.skips_premoderation')
    .where('mr.member_id', '=', memberId)
    .executeTakeFirst();
  return row?.skips_premoderation ?? false;
}

/** Whether the member's current rank lets them mark solutions on any question of a board. */
export async function rankMarksAnySolution(db: Queryable, memberId: string): Promise<boolean> {
  const row = await db
    .selectFrom('member_ranks as mr')
    .innerJoin('ranks as r', 'r.id', 'mr.rank_id')
    .select('r.marks_any_solution')
    .where('mr.member_id', '=', memberId)
    .executeTakeFirst();
  return row?.marks_any_solution ?? false;
}

/** The position of the member's current rank (0 when none is assigned yet: the first rank's). */
export async function findRankPosition(db: Queryable, memberId: string): Promise<number> {
  const row = await db
    .selectFrom('member_ranks as mr')
    .innerJoin('ranks as r', 'r.id', 'mr.rank_id')
    .select('r.position')
    .where('mr.member_id', '=', memberId)
    .executeTakeFirst();
  return row?.position ?? 0;
}

/**
 * A SQL expression for the name of the rank of the membership at `memberRef` (a column such as `m.id`),
 * for other areas' queries to show the rank next to a pseudonym in the same query (no N+1).
 */
export function rankNameOf(memberRef: string) {
  return sql<string | null>`(SELECT r.name FROM member_ranks mr JOIN ranks r ON r.id = mr.rank_id
    WHERE mr.member_id = ${sql.ref(memberRef)})`;
}
