import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import type { PanelStage } from '../../platform/db/schema.ts';
import { PROFILE_MIN_SAME, PROFILE_SAME_SHARE } from './reliability-rules.ts';

/** The roles whose members form the panel (staff and observers are not scored nor followed). */
export const PANEL_ROLES = ['member', 'expert'] as const;

/** A membership of the community with its panel facts (undefined for an unknown or foreign id). */
export async function findPanelMember(db: Queryable, communityId: string, memberId: string) {
  return db
    .selectFrom('memberships')
    .select(['id', 'pseudonym', 'role', 'status', 'panel_stage', 'reliability_score'])
    .where('community_id', '=', communityId)
    .where('id', '=', memberId)
    .executeTakeFirst();
}

/** Inserts a staff rating of a member. */
export async function insertRating(
  db: Queryable,
  row: { id: string; communityId: string; memberId: string; ratedBy: string; rating: number; note: string },
): Promise<void> {
  await db
    .insertInto('member_ratings')
    .values({
      id: row.id,
      community_id: row.communityId,
      member_id: row.memberId,
      rated_by: row.ratedBy,
      rating: row.rating,
      note: row.note,
    })
    .execute();
}

/** A member's latest ratings (at most 50), with the rater's pseudonym in the community. */
export async function listRatings(db: Queryable, communityId: string, memberId: string) {
  return db
    .selectFrom('member_ratings as r')
    .leftJoin('memberships as rm', (join) =>
      join.onRef('rm.user_id', '=', 'r.rated_by').on('rm.community_id', '=', communityId),
    )
    .select(['r.id', 'r.rating', 'r.note', 'r.created_at', 'rm.pseudonym as rater'])
    .where('r.member_id', '=', memberId)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(50)
    .execute();
}

/**
 * The panel members still in the panel with the identity facts duplicates are found by (email and phone
 * stay on the server: they are compared, never published).
 */
export async function listIdentityFacts(db: Queryable, communityId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('auth_user as u', 'u.id', 'm.user_id')
    .select(['m.id', 'm.pseudonym', 'u.email', 'u.phone'])
    .where('m.community_id', '=', communityId)
    .where('m.role', 'in', [...PANEL_ROLES])
    .where('m.panel_stage', '<>', 'removed')
    .execute();
}

/**
 * Pairs of panel members with near-identical profiles: at least `PROFILE_MIN_SAME` equal values, making at
 * least `PROFILE_SAME_SHARE` of the attributes either of them filled (one query).
 */
export async function listProfileTwins(
  db: Queryable,
  communityId: string,
): Promise<{ a: string; b: string }[]> {
  const result = await sql<{ a: string; b: string }>`
    WITH panel AS (
      SELECT m.id FROM memberships m
      WHERE m.community_id = ${communityId} AND m.role IN ('member', 'expert') AND m.panel_stage <> 'removed'
    ), filled AS (
      SELECT pv.member_id, count(*) AS n FROM profile_values pv
      WHERE pv.community_id = ${communityId} AND pv.member_id IN (SELECT id FROM panel)
      GROUP BY pv.member_id
    )
    SELECT x.member_id AS a, y.member_id AS b
    FROM profile_values x
    JOIN profile_values y ON y.attribute_id = x.attribute_id AND y.member_id > x.member_id AND y.value = x.value
    JOIN filled fx ON fx.member_id = x.member_id
    JOIN filled fy ON fy.member_id = y.member_id
    WHERE x.community_id = ${communityId}
      AND x.member_id IN (SELECT id FROM panel) AND y.member_id IN (SELECT id FROM panel)
    GROUP BY x.member_id, y.member_id, fx.n, fy.n
    HAVING count(*) >= ${PROFILE_MIN_SAME}::int AND count(*) >= ${PROFILE_SAME_SHARE}::float8 * greatest(fx.n, fy.n)
    LIMIT 1000`.execute(db);
  return result.rows;
}

/** Panel members scored under the threshold (lowest first, at most 200). */
export async function listLowScores(db: Queryable, communityId: string, threshold: number) {
  return db
    .selectFrom('memberships')
    .select(['id', 'pseudonym', 'panel_stage', 'reliability_score'])
    .where('community_id', '=', communityId)
    .where('role', 'in', [...PANEL_ROLES])
    .where('panel_stage', '<>', 'removed')
    .where('reliability_score', '<', threshold)
    .orderBy('reliability_score')
    .orderBy('id')
    .limit(200)
    .execute();
}

/** Some memberships of the community by id, with their panel facts. */
export async function findPanelMembers(db: Queryable, communityId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('memberships')
    .select(['id', 'pseudonym', 'panel_stage', 'reliability_score'])
    .where('community_id', '=', communityId)
    .where('id', 'in', [...ids])
    .execute();
}

/**
 * The members on probation with their progress since it began: completed surveys and polls plus sessions
 * they were admitted to, and whole days elapsed (at most 500, oldest probation first).
 */
export async function listProbationRows(db: Queryable, communityId: string) {
  const since = sql<Date>`coalesce(m.probation_started_at, m.joined_at)`;
  return db
    .selectFrom('memberships as m')
    .select([
      'm.id',
      'm.pseudonym',
      'm.reliability_score',
      since.as('started_at'),
      sql<number>`floor(extract(epoch FROM now() - ${since}) / 86400)::int`.as('days'),
      sql<number>`(
        (SELECT count(*) FROM survey_responses r
          WHERE r.member_id = m.id AND r.status = 'completed' AND r.completed_at >= ${since})
        + (SELECT count(*) FROM live_participants p
          WHERE p.member_id = m.id AND p.admitted_at IS NOT NULL AND p.admitted_at >= ${since})
      )::int`.as('activities'),
    ])
    .where('m.community_id', '=', communityId)
    .where('m.panel_stage', '=', 'probation')
    .orderBy(since)
    .orderBy('m.id')
    .limit(500)
    .execute();
}

/**
 * Ends a member's probation: sets their panel stage (and, when given, their membership status) only if
 * they are still on probation. False when they were not (another decision came first).
 */
export async function endProbation(
  db: Queryable,
  memberId: string,
  stage: PanelStage,
  status?: 'suspended',
): Promise<boolean> {
  const result = await db
    .updateTable('memberships')
    .set({ panel_stage: stage, ...(status ? { status } : {}), updated_at: sql<Date>`now()` })
    .where('id', '=', memberId)
    .where('panel_stage', '=', 'probation')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
