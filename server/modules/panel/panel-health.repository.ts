import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import type { PanelStage } from '../../platform/db/schema.ts';
import { PANEL_ROLES } from './panel-quality.repository.ts';

/** How many panel members stand at each stage. */
export async function countByStage(db: Queryable, communityId: string): Promise<Record<PanelStage, number>> {
  const rows = await db
    .selectFrom('memberships')
    .select(['panel_stage', sql<number>`count(*)::int`.as('n')])
    .where('community_id', '=', communityId)
    .where('role', 'in', [...PANEL_ROLES])
    .groupBy('panel_stage')
    .execute();
  const out: Record<PanelStage, number> = { probation: 0, active: 0, dormant: 0, removed: 0 };
  for (const r of rows) out[r.panel_stage] = r.n;
  return out;
}

/**
 * The last `months` calendar months (oldest first), each with the panel members who had joined by its end
 * and are still in the panel, the members who took part (completed a survey or poll, were admitted to a
 * live session) and the members removed or suspended during it (from the audit log). One query.
 */
export async function listHealthMonths(db: Queryable, communityId: string, months: number) {
  const result = await sql<{ month: string; members: number; participants: number; removed: number }>`
    WITH months AS (
      SELECT generate_series(
        date_trunc('month', now()) - make_interval(months => ${months - 1}),
        date_trunc('month', now()),
        interval '1 month'
      ) AS start
    )
    SELECT to_char(mo.start, 'YYYY-MM') AS month,
      (SELECT count(*) FROM memberships m
        WHERE m.community_id = ${communityId} AND m.role IN ('member', 'expert')
          AND m.panel_stage <> 'removed' AND m.joined_at < mo.start + interval '1 month')::int AS members,
      (SELECT count(DISTINCT x.member_id) FROM (
        SELECT r.member_id FROM survey_responses r
          WHERE r.community_id = ${communityId} AND r.status = 'completed'
            AND r.completed_at >= mo.start AND r.completed_at < mo.start + interval '1 month'
        UNION ALL
        SELECT p.member_id FROM live_participants p
          WHERE p.community_id = ${communityId}
            AND p.admitted_at >= mo.start AND p.admitted_at < mo.start + interval '1 month'
      ) x)::int AS participants,
      (SELECT count(DISTINCT a.target_id) FROM audit_log a
        WHERE a.community_id = ${communityId}
          AND a.created_at >= mo.start AND a.created_at < mo.start + interval '1 month'
          AND (a.action = 'member.probation_remove'
            OR (a.action = 'member.update' AND a.data -> 'to' ->> 'status' = 'suspended')))::int AS removed
    FROM months mo
    ORDER BY mo.start`.execute(db);
  return result.rows;
}

/** The average reliability score of the panel members still in it, and how many have one. */
export async function averageReliability(
  db: Queryable,
  communityId: string,
): Promise<{ average: number | null; scored: number }> {
  const row = await db
    .selectFrom('memberships')
    .select([
      sql<number | null>`round(avg(reliability_score), 1)::float8`.as('average'),
      sql<number>`count(reliability_score)::int`.as('scored'),
    ])
    .where('community_id', '=', communityId)
    .where('role', 'in', [...PANEL_ROLES])
    .where('panel_stage', '<>', 'removed')
    .executeTakeFirst();
  return { average: row?.average ?? null, scored: row?.scored ?? 0 };
}
