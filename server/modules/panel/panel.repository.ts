import { type Expression, type Insertable, type SqlBool, sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import { isUuid } from '../../platform/db/ids.ts';
import type {
  AttributeVisibility,
  ProfileAttributeRow,
  ProfileAttributeTable,
  SegmentRow,
  SegmentTable,
} from '../../platform/db/schema-research.ts';
import type { SegmentConditionInput, SegmentFilterInput } from './panel.schemas.ts';

/** The attributes of a community with the given visibilities, in display order. */
export async function listAttributeRows(
  db: Queryable,
  communityId: string,
  visibilities: readonly AttributeVisibility[],
): Promise<ProfileAttributeRow[]> {
  if (visibilities.length === 0) return [];
  return db
    .selectFrom('profile_attributes')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('visibility', 'in', [...visibilities])
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** Some attributes of a community by id (unknown and foreign ids are left out). */
export async function findAttributeRows(
  db: Queryable,
  communityId: string,
  ids: readonly string[],
): Promise<ProfileAttributeRow[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  return db
    .selectFrom('profile_attributes')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', 'in', valid)
    .execute();
}

/** Inserts a profile attribute. */
export async function insertAttribute(
  db: Queryable,
  row: Insertable<ProfileAttributeTable>,
): Promise<ProfileAttributeRow> {
  return db.insertInto('profile_attributes').values(row).returningAll().executeTakeFirstOrThrow();
}

/** A member's stored values by attribute id. */
export async function listProfileValues(db: Queryable, memberId: string): Promise<Map<string, unknown>> {
  const rows = await db
    .selectFrom('profile_values')
    .select(['attribute_id', 'value'])
    .where('member_id', '=', memberId)
    .execute();
  return new Map(rows.map((r) => [r.attribute_id, r.value]));
}

/** Sets (or, with null, clears) a member's value of one attribute. */
export async function upsertProfileValue(
  db: Queryable,
  row: { communityId: string; attributeId: string; memberId: string; value: unknown },
): Promise<void> {
  if (row.value === null) {
    await db
      .deleteFrom('profile_values')
      .where('attribute_id', '=', row.attributeId)
      .where('member_id', '=', row.memberId)
      .execute();
    return;
  }
  const value = JSON.stringify(row.value);
  await db
    .insertInto('profile_values')
    .values({
      community_id: row.communityId,
      attribute_id: row.attributeId,
      member_id: row.memberId,
      value,
    })
    .onConflict((oc) =>
      oc.columns(['attribute_id', 'member_id']).doUpdateSet({ value, updated_at: sql<Date>`now()` }),
    )
    .execute();
}

/** A membership of the community by id (the subject of a profile). */
export async function findMemberOfCommunity(db: Queryable, communityId: string, memberId: string) {
  if (!isUuid(memberId)) return undefined;
  return db
    .selectFrom('memberships')
    .select(['id', 'status', 'role'])
    .where('community_id', '=', communityId)
    .where('id', '=', memberId)
    .executeTakeFirst();
}

/** Inserts a segment. */
export async function insertSegment(db: Queryable, row: Insertable<SegmentTable>): Promise<SegmentRow> {
  return db.insertInto('segments').values(row).returningAll().executeTakeFirstOrThrow();
}

/** A segment of a community by id. */
export async function findSegment(
  db: Queryable,
  communityId: string,
  segmentId: string,
): Promise<SegmentRow | undefined> {
  if (!isUuid(segmentId)) return undefined;
  return db
    .selectFrom('segments')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', segmentId)
    .executeTakeFirst();
}

/** The segments of a community by name (a community keeps a few dozen at most: no pagination). */
export async function listSegmentRows(db: Queryable, communityId: string): Promise<SegmentRow[]> {
  return db
    .selectFrom('segments')
    .selectAll()
    .where('community_id', '=', communityId)
    .orderBy('name')
    .limit(500)
    .execute();
}

const value = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;
const scalarText = sql`pv.value #>> '{}'`;

function attributeTest(c: Extract<SegmentConditionInput, { type: 'attribute' }>, kind: string) {
  const comparisons = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;
  switch (c.op) {
    case 'is_set':
      return sql<boolean>`true`;
    case 'eq':
      return sql<boolean>`pv.value = ${value(c.value)}`;
    case 'neq':
      return sql<boolean>`pv.value <> ${value(c.value)}`;
    case 'contains':
      return sql<boolean>`jsonb_typeof(pv.value) = 'string' AND strpos(lower(${scalarText}), lower(${String(c.value)})) > 0`;
    case 'any_of': {
      const wanted = Array.isArray(c.value) ? c.value : [String(c.value)];
      return kind === 'multiple_choice'
        ? sql<boolean>`pv.value ?| ${wanted}::text[]`
        : sql<boolean>`${scalarText} = ANY(${wanted}::text[])`;
    }
    default: {
      const op = sql.raw(comparisons[c.op as keyof typeof comparisons]);
      return kind === 'date'
        ? sql<boolean>`(${scalarText})::date ${op} ${String(c.value)}::date`
        : sql<boolean>`jsonb_typeof(pv.value) = 'number' AND (${scalarText})::numeric ${op} ${Number(c.value)}`;
    }
  }
}

function conditionSql(c: SegmentConditionInput, kinds: Map<string, string>) {
  switch (c.type) {
    case 'status':
      return sql<boolean>`m.status = ANY(${c.in}::text[])`;
    case 'role':
      return sql<boolean>`m.role = ANY(${c.in}::text[])`;
    case 'joined':
      return c.op === 'before'
        ? sql<boolean>`m.joined_at < ${c.date}::date`
        : sql<boolean>`m.joined_at >= ${c.date}::date`;
    case 'activity': {
      const since = sql`now() - make_interval(days => ${c.days})`;
      const active = sql<boolean>`(EXISTS (SELECT 1 FROM topics t WHERE t.author_id = m.id AND t.created_at >= ${since})
        OR EXISTS (SELECT 1 FROM replies r WHERE r.author_id = m.id AND r.created_at >= ${since})
        OR EXISTS (SELECT 1 FROM survey_responses sr WHERE sr.member_id = m.id AND sr.status = 'completed'
          AND sr.completed_at >= ${since}))`;
      return c.op === 'active_within' ? active : sql<boolean>`NOT ${active}`;
    }
    case 'reliability':
      return c.op === 'gte'
        ? sql<boolean>`m.reliability_score >= ${c.score}`
        : sql<boolean>`m.reliability_score < ${c.score}`;
    case 'attribute': {
      const exists = (test: Expression<SqlBool>) =>
        sql<boolean>`EXISTS (SELECT 1 FROM profile_values pv WHERE pv.member_id = m.id AND pv.attribute_id = ${c.attributeId} AND ${test})`;
      if (c.op === 'not_set') return sql<boolean>`NOT ${exists(sql<boolean>`true`)}`;
      return exists(attributeTest(c, kinds.get(c.attributeId) ?? 'text'));
    }
  }
}

/**
 * Compiles a segment filter into one SQL predicate over `memberships m` (the one place filters become
 * SQL; every value is bound). `kinds` gives each attribute's kind, for typed comparisons.
 */
export function compileSegmentFilter(filter: SegmentFilterInput, kinds: Map<string, string>) {
  if (filter.conditions.length === 0) return sql<boolean>`true`;
  const parts = filter.conditions.map((c) => conditionSql(c, kinds));
  return sql<boolean>`(${sql.join(parts, sql.raw(filter.match === 'all' ? ' AND ' : ' OR '))})`;
}

/** How many memberships of the community match a compiled filter (one query). */
export async function countSegment(
  db: Queryable,
  communityId: string,
  predicate: ReturnType<typeof compileSegmentFilter>,
): Promise<number> {
  const row = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM memberships m WHERE m.community_id = ${communityId} AND ${predicate}`.execute(
    db,
  );
  return row.rows[0]?.n ?? 0;
}

/** How many memberships of the community match each compiled filter, in order (one query for all). */
export async function countSegments(
  db: Queryable,
  communityId: string,
  predicates: readonly ReturnType<typeof compileSegmentFilter>[],
): Promise<number[]> {
  if (predicates.length === 0) return [];
  const counts = predicates.map((p, i) => sql`count(*) FILTER (WHERE ${p})::int AS ${sql.ref(`n${i}`)}`);
  const row = await sql<Record<string, number>>`
    SELECT ${sql.join(counts)} FROM memberships m WHERE m.community_id = ${communityId}`.execute(db);
  return predicates.map((_, i) => row.rows[0]?.[`n${i}`] ?? 0);
}

/** The visibility of every attribute of a community, by id. */
export async function attributeVisibilities(
  db: Queryable,
  communityId: string,
): Promise<Map<string, AttributeVisibility>> {
  const rows = await db
    .selectFrom('profile_attributes')
    .select(['id', 'visibility'])
    .where('community_id', '=', communityId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.visibility]));
}

/** The kind of every attribute of a community, by id. */
export async function attributeKinds(db: Queryable, communityId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('profile_attributes')
    .select(['id', 'kind'])
    .where('community_id', '=', communityId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.kind]));
}

/** Whether one membership matches a compiled filter (survey targeting). */
export async function memberMatches(
  db: Queryable,
  memberId: string,
  predicate: ReturnType<typeof compileSegmentFilter>,
): Promise<boolean> {
  const row = await sql<{ ok: boolean }>`
    SELECT EXISTS (SELECT 1 FROM memberships m WHERE m.id = ${memberId} AND ${predicate}) AS ok`.execute(db);
  return !!row.rows[0]?.ok;
}

/** The ids of the memberships of the community matching a compiled filter (result filters). */
export function segmentMemberIds(communityId: string, predicate: ReturnType<typeof compileSegmentFilter>) {
  return sql<string>`(SELECT m.id FROM memberships m WHERE m.community_id = ${communityId} AND ${predicate})`;
}

/** The kinds of the attributes a filter names, by id (attributes of other communities are absent). */
export async function attributeKindsOf(
  db: Queryable,
  communityId: string,
  filter: SegmentFilterInput,
): Promise<Map<string, string>> {
  const ids = filter.conditions.flatMap((c) => (c.type === 'attribute' ? [c.attributeId] : []));
  const rows = await findAttributeRows(db, communityId, ids);
  return new Map(rows.map((r) => [r.id, r.kind]));
}
