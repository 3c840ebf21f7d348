import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import { isUuid } from '../../platform/db/ids.ts';

/** The settings a community without a `panel_settings` row uses (the column defaults, migrations 0019, 0023). */
export const DEFAULT_PANEL_SETTINGS = {
  probation_activities: 3,
  probation_days: 30,
  review_threshold: 50,
  speeding_percent: 33,
  dormant_days: 90,
};
/** A community's panel settings. */
export type PanelSettings = typeof DEFAULT_PANEL_SETTINGS;

/** A survey's time can be judged once it has at least this many completed responses. */
export const MIN_RESPONSES_FOR_MEDIAN = 5;

/** A community's panel settings (the defaults when it never changed them). */
export async function findPanelSettings(db: Queryable, communityId: string): Promise<PanelSettings> {
  const row = await db
    .selectFrom('panel_settings')
    .select([
      'probation_activities',
      'probation_days',
      'review_threshold',
      'speeding_percent',
      'dormant_days',
    ])
    .where('community_id', '=', communityId)
    .executeTakeFirst();
  return row ?? { ...DEFAULT_PANEL_SETTINGS };
}

/** Writes a community's panel settings (all of them). */
export async function upsertPanelSettings(
  db: Queryable,
  communityId: string,
  settings: PanelSettings,
): Promise<void> {
  await db
    .insertInto('panel_settings')
    .values({ community_id: communityId, ...settings })
    .onConflict((oc) => oc.column('community_id').doUpdateSet({ ...settings, updated_at: sql<Date>`now()` }))
    .execute();
}

/**
 * A member's completed survey responses (not polls) with their survey's definition, and that survey's
 * median completion time and number of completed responses (for speeding).
 */
export async function listScoredResponses(db: Queryable, memberId: string) {
  return db
    .selectFrom('survey_responses as r')
    .innerJoin('surveys as s', 's.id', 'r.survey_id')
    .select((eb) => [
      'r.answers',
      'r.duration_ms',
      's.definition',
      eb
        .selectFrom('survey_responses as o')
        .select(sql<number>`percentile_cont(0.5) WITHIN GROUP (ORDER BY o.duration_ms)::float8`.as('median'))
        .whereRef('o.survey_id', '=', 'r.survey_id')
        .where('o.status', '=', 'completed')
        .as('median_ms'),
      eb
        .selectFrom('survey_responses as o')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('o.survey_id', '=', 'r.survey_id')
        .where('o.status', '=', 'completed')
        .as('completed'),
    ])
    .where('r.member_id', '=', memberId)
    .where('r.status', '=', 'completed')
    .where('s.kind', '=', 'survey')
    .execute();
}

/** Invitations a member accepted to sessions that have ended, and those they never joined. */
export async function countSessionShows(
  db: Queryable,
  memberId: string,
): Promise<{ accepted: number; noShows: number }> {
  const row = await db
    .selectFrom('live_participants as p')
    .innerJoin('live_sessions as s', 's.id', 'p.session_id')
    .select([
      sql<number>`count(*)::int`.as('accepted'),
      sql<number>`(count(*) FILTER (WHERE p.joined_at IS NULL))::int`.as('noShows'),
    ])
    .where('p.member_id', '=', memberId)
    .where('p.invitation', '=', 'accepted')
    .where('s.status', '=', 'ended')
    .executeTakeFirst();
  return { accepted: row?.accepted ?? 0, noShows: row?.noShows ?? 0 };
}

/** How many ratings a member received and their average. */
export async function ratingStats(
  db: Queryable,
  memberId: string,
): Promise<{ count: number; average: number | null }> {
  const row = await db
    .selectFrom('member_ratings')
    .select([sql<number>`count(*)::int`.as('count'), sql<number | null>`avg(rating)::float8`.as('average')])
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return { count: row?.count ?? 0, average: row?.average ?? null };
}

/** The members who accepted an invitation to a session (whose no-shows its end may reveal). */
export async function acceptedParticipantIds(db: Queryable, sessionId: string): Promise<string[]> {
  if (!isUuid(sessionId)) return [];
  const rows = await db
    .selectFrom('live_participants')
    .select('member_id')
    .where('session_id', '=', sessionId)
    .where('invitation', '=', 'accepted')
    .execute();
  return rows.map((r) => r.member_id);
}

/** The membership whose reliability is computed: its community (undefined when it is gone). */
export async function findScoredMember(db: Queryable, memberId: string) {
  if (!isUuid(memberId)) return undefined;
  return db
    .selectFrom('memberships')
    .select(['id', 'community_id'])
    .where('id', '=', memberId)
    .executeTakeFirst();
}

/** Stores a member's computed reliability and copies the score to `memberships.reliability_score`. */
export async function saveReliability(
  db: Queryable,
  row: { memberId: string; communityId: string; score: number; factors: unknown },
): Promise<void> {
  const factors = JSON.stringify(row.factors);
  await db
    .insertInto('member_reliability')
    .values({ member_id: row.memberId, community_id: row.communityId, score: row.score, factors })
    .onConflict((oc) =>
      oc.column('member_id').doUpdateSet({ score: row.score, factors, computed_at: sql<Date>`now()` }),
    )
    .execute();
  await db
    .updateTable('memberships')
    .set({ reliability_score: row.score })
    .where('id', '=', row.memberId)
    .execute();
}

/** A member's last computed reliability (undefined before the first computation). */
export async function findReliability(db: Queryable, memberId: string) {
  return db
    .selectFrom('member_reliability')
    .select(['score', 'factors', 'computed_at'])
    .where('member_id', '=', memberId)
    .executeTakeFirst();
}
