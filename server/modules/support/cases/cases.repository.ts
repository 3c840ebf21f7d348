import { sql } from 'kysely';
import type { Queryable } from '../../../platform/db/database.ts';
import { isUuid } from '../../../platform/db/ids.ts';
import type { CaseHistoryTable, CaseRow, CaseStatus, CaseTable } from '../../../platform/db/schema.ts';
import type { Insertable } from 'kysely';

/** A membership of a community with the facts that decide whether it works cases. */
export async function findCaseWorker(db: Queryable, communityId: string, membershipId: string) {
  if (!isUuid(membershipId)) return undefined;
  return db
    .selectFrom('memberships')
    .select(['id', 'pseudonym', 'role', 'status', 'support_agent', 'user_id'])
    .where('community_id', '=', communityId)
    .where('id', '=', membershipId)
    .executeTakeFirst();
}

/** Sets a membership's support-agent ability. */
export async function setAgentFlag(db: Queryable, membershipId: string, agent: boolean): Promise<void> {
  await db
    .updateTable('memberships')
    .set({ support_agent: agent, updated_at: sql<Date>`now()` })
    .where('id', '=', membershipId)
    .execute();
}

/** The active memberships of a community that may be assigned cases, by pseudonym. */
export async function listCaseWorkers(db: Queryable, communityId: string) {
  return db
    .selectFrom('memberships')
    .select(['id', 'pseudonym'])
    .where('community_id', '=', communityId)
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('support_agent', '=', true), eb('role', 'in', ['admin', 'moderator'])]))
    .orderBy('pseudonym_key')
    .limit(200)
    .execute();
}

/** The facts about a topic that case emails and events need: title and asker. */
export async function findTopicFacts(db: Queryable, topicId: string) {
  return db
    .selectFrom('topics')
    .select(['id', 'title', 'author_id'])
    .where('id', '=', topicId)
    .executeTakeFirstOrThrow();
}

/** The case of a topic, if any. */
export async function findCaseOfTopic(db: Queryable, topicId: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('topic_id', '=', topicId).executeTakeFirst();
}

const caseColumns = [
  't.title as topic_title',
  't.solved as topic_solved',
  't.replies_count as topic_replies_count',
  't.author_id as topic_author_id',
  't.created_at as topic_created_at',
  't.status as topic_status',
  'm.pseudonym as author_pseudonym',
  'm.role as author_role',
  'a.pseudonym as assignee_pseudonym',
] as const;

/** A case of a community by id, with its topic and the pseudonyms of its asker and assignee. */
export async function findCase(db: Queryable, communityId: string, caseId: string) {
  if (!isUuid(caseId)) return undefined;
  return db
    .selectFrom('cases as c')
    .innerJoin('topics as t', 't.id', 'c.topic_id')
    .innerJoin('memberships as m', 'm.id', 't.author_id')
    .leftJoin('memberships as a', 'a.id', 'c.assignee_id')
    .selectAll('c')
    .select([...caseColumns, 't.body_html as topic_body_html'])
    .where('c.community_id', '=', communityId)
    .where('c.id', '=', caseId)
    .executeTakeFirst();
}

/** A case row locked for update (inside a transaction), so concurrent changes see each other. */
export async function lockCase(db: Queryable, caseId: string): Promise<CaseRow> {
  return db.selectFrom('cases').selectAll().where('id', '=', caseId).forUpdate().executeTakeFirstOrThrow();
}

/** A case in a list, with its topic and people (the shape `findCase` returns, without the body). */
export type CaseListRow = Awaited<ReturnType<typeof listCaseRows>>[number];

/**
 * A page of a community's cases, least recently updated first (the queue's order, and the order a CRM
 * synchronises in). `after` is the last (updated_at, id) seen.
 */
export async function listCaseRows(
  db: Queryable,
  communityId: string,
  page: {
    limit: number;
    after: [string, string] | null;
    status?: CaseStatus;
    assignee?: string | null;
    updatedSince?: string;
  },
) {
  let query = db
    .selectFrom('cases as c')
    .innerJoin('topics as t', 't.id', 'c.topic_id')
    .innerJoin('memberships as m', 'm.id', 't.author_id')
    .leftJoin('memberships as a', 'a.id', 'c.assignee_id')
    .selectAll('c')
    .select([
      ...caseColumns,
      sql<string>`to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        'updated_key',
      ),
    ])
    .where('c.community_id', '=', communityId);
  if (page.status) query = query.where('c.status', '=', page.status);
  if (page.assignee === null) query = query.where('c.assignee_id', 'is', null);
  else if (page.assignee !== undefined) query = query.where('c.assignee_id', '=', page.assignee);
  if (page.updatedSince) query = query.where('c.updated_at', '>=', new Date(page.updatedSince));
  if (page.after) {
    const [updated, id] = page.after;
    query = query.where(sql<boolean>`(c.updated_at, c.id) > (${updated}::timestamptz, ${id}::uuid)`);
  }
  return query
    .orderBy('c.updated_at')
    .orderBy('c.id')
    .limit(page.limit + 1)
    .execute();
}

/** Inserts a case unless its topic already has one; returns the new row, or undefined. */
export async function insertCaseOnce(
  db: Queryable,
  values: Pick<Insertable<CaseTable>, 'id' | 'community_id' | 'topic_id' | 'opened_by'>,
): Promise<CaseRow | undefined> {
  return db
    .insertInto('cases')
    .values(values)
    .onConflict((oc) => oc.column('topic_id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Changes a case's status (keeping `solved_at` in step) and/or assignee. */
export async function updateCaseRow(
  db: Queryable,
  caseId: string,
  changes: { status?: CaseStatus; assigneeId?: string | null },
): Promise<CaseRow> {
  return db
    .updateTable('cases')
    .set({
      updated_at: sql<Date>`now()`,
      ...(changes.status !== undefined
        ? { status: changes.status, solved_at: changes.status === 'solved' ? sql<Date>`now()` : null }
        : {}),
      ...(changes.assigneeId !== undefined ? { assignee_id: changes.assigneeId } : {}),
    })
    .where('id', '=', caseId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Adds an internal note to a case. */
export async function insertCaseNote(
  db: Queryable,
  values: { id: string; community_id: string; case_id: string; author_id: string; body: string },
) {
  return db.insertInto('case_notes').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Appends a step to a case's history. */
export async function insertCaseHistory(db: Queryable, values: Insertable<CaseHistoryTable>) {
  await db.insertInto('case_history').values(values).execute();
}

/** A case's internal notes, oldest first, with their authors' pseudonyms (first 500). */
export async function listCaseNotes(db: Queryable, caseId: string) {
  return db
    .selectFrom('case_notes as n')
    .innerJoin('memberships as m', 'm.id', 'n.author_id')
    .select(['n.id', 'n.body', 'n.created_at', 'n.author_id', 'm.pseudonym as author_pseudonym'])
    .where('n.case_id', '=', caseId)
    .orderBy('n.created_at')
    .orderBy('n.id')
    .limit(500)
    .execute();
}

/** A case's history, oldest first, with the actors' pseudonyms (first 500). */
export async function listCaseHistory(db: Queryable, caseId: string) {
  return db
    .selectFrom('case_history as h')
    .leftJoin('memberships as m', 'm.id', 'h.actor_id')
    .select([
      'h.kind',
      'h.from_value',
      'h.to_value',
      'h.created_at',
      'h.actor_id',
      'm.pseudonym as actor_pseudonym',
    ])
    .where('h.case_id', '=', caseId)
    .orderBy('h.created_at')
    .orderBy('h.id')
    .limit(500)
    .execute();
}

/**
 * Questions due for escalation in every community (a platform query, by name): published, unsolved,
 * without replies or case, asked at least the community's `case_escalation_hours` before `now`
 * (`defaultHours` for a community without settings; 0 turns escalation off).
 */
export async function listQuestionsDueForEscalation(
  db: Queryable,
  now: Date,
  defaultHours: number,
  limit: number,
) {
  return db
    .selectFrom('topics as t')
    .leftJoin('support_settings as s', 's.community_id', 't.community_id')
    .select(['t.id', 't.community_id', 't.title', 't.author_id'])
    .where('t.kind', '=', 'question')
    .where('t.replies_count', '=', 0)
    .where('t.status', '=', 'published')
    .where('t.solved', '=', false)
    .where(sql<boolean>`coalesce(s.case_escalation_hours, ${defaultHours}) > 0`)
    .where(
      sql<boolean>`t.created_at <= ${now.toISOString()}::timestamptz - make_interval(hours => coalesce(s.case_escalation_hours, ${defaultHours}))`,
    )
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('cases as c').select('c.id').whereRef('c.topic_id', '=', 't.id'))),
    )
    .orderBy('t.created_at')
    .limit(limit)
    .execute();
}

/** The asker's contact for case emails: the account's address and language (staff-only identity data). */
export async function findAskerContact(db: Queryable, membershipId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('auth_user as u', 'u.id', 'm.user_id')
    .innerJoin('communities as c', 'c.id', 'm.community_id')
    .select([
      'u.email',
      'u.locale',
      'c.name as community_name',
      'c.slug as community_slug',
      'c.default_locale',
    ])
    .where('m.id', '=', membershipId)
    .executeTakeFirstOrThrow();
}

/**
 * A page of one member's own topics (published or awaiting moderation), newest first, with their cases.
 * `after` is the last (created_at, id) seen.
 */
export async function listOwnTopicRows(
  db: Queryable,
  authorId: string,
  page: { limit: number; after: [string, string] | null },
) {
  let query = db
    .selectFrom('topics as t')
    .leftJoin('cases as c', 'c.topic_id', 't.id')
    .select([
      't.id',
      't.kind',
      't.title',
      't.status',
      't.solved',
      't.replies_count',
      't.created_at',
      't.last_activity_at',
      'c.id as case_id',
      'c.status as case_status',
      'c.opened_at as case_opened_at',
      sql<string>`to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        'created_key',
      ),
    ])
    .where('t.author_id', '=', authorId)
    .where('t.status', 'in', ['published', 'pending']);
  if (page.after) {
    const [created, id] = page.after;
    query = query.where(sql<boolean>`(t.created_at, t.id) < (${created}::timestamptz, ${id}::uuid)`);
  }
  return query
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(page.limit + 1)
    .execute();
}
