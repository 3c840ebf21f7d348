import { type Insertable, sql, type Updateable } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import { isUuid } from '../../platform/db/ids.ts';
import type {
  SurveyResponseRow,
  SurveyResponseTable,
  SurveyRow,
  SurveyTable,
} from '../../platform/db/schema-research.ts';
import type { segmentMemberIds } from '../panel/panel.repository.ts';
import { cursorTime } from '../../platform/db/cursor-time.ts';

/** Inserts a survey. */
export async function insertSurvey(db: Queryable, row: Insertable<SurveyTable>): Promise<SurveyRow> {
  return db.insertInto('surveys').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Changes a survey. */
export async function updateSurveyRow(
  db: Queryable,
  id: string,
  changes: Updateable<SurveyTable>,
): Promise<SurveyRow> {
  return db
    .updateTable('surveys')
    .set({ ...changes, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A survey of a community by id. */
export async function findSurvey(db: Queryable, communityId: string, surveyId: string) {
  if (!isUuid(surveyId)) return undefined;
  return db
    .selectFrom('surveys')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', surveyId)
    .executeTakeFirst();
}

/**
 * A page of a community's surveys, newest first, with the member's own response status and (for staff)
 * the number of completed responses. `publishedOnly` is the respondents' query scope.
 */
export async function listSurveyRows(
  db: Queryable,
  communityId: string,
  options: {
    memberId: string | null;
    publishedOnly: boolean;
    kind?: 'survey' | 'poll';
    limit: number;
    after: [string, string] | null;
  },
) {
  let query = db
    .selectFrom('surveys as s')
    .leftJoin('survey_responses as own', (join) =>
      join
        .onRef('own.survey_id', '=', 's.id')
        .on('own.member_id', '=', options.memberId ?? '00000000-0000-0000-0000-000000000000'),
    )
    .selectAll('s')
    .select([
      cursorTime('s.created_at').as('cursor_at'),
      'own.status as own_status',
      sql<number>`(SELECT count(*)::int FROM survey_responses r WHERE r.survey_id = s.id AND r.status = 'completed')`.as(
        'completed_count',
      ),
    ])
    .where('s.community_id', '=', communityId);
  if (options.publishedOnly)
    query = query
      .where('s.published', '=', true)
      .where((eb) => eb.or([eb('s.opens_at', 'is', null), eb('s.opens_at', '<=', sql<Date>`now()`)]));
  if (options.kind) query = query.where('s.kind', '=', options.kind);
  if (options.after)
    query = query.where(
      sql<boolean>`(s.created_at, s.id) < (${options.after[0]}::timestamptz, ${options.after[1]}::uuid)`,
    );
  return query
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(options.limit + 1)
    .execute();
}

/** How many responses a survey has (completed ones only, or any status). */
export async function countResponses(db: Queryable, surveyId: string, completedOnly = true): Promise<number> {
  let query = db
    .selectFrom('survey_responses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('survey_id', '=', surveyId);
  if (completedOnly) query = query.where('status', '=', 'completed');
  const row = await query.executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** A member's response to a survey. */
export async function findOwnResponse(
  db: Queryable,
  surveyId: string,
  memberId: string,
): Promise<SurveyResponseRow | undefined> {
  return db
    .selectFrom('survey_responses')
    .selectAll()
    .where('survey_id', '=', surveyId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
}

/** A member's response, locked for the rest of the transaction. */
export async function lockOwnResponse(db: Queryable, surveyId: string, memberId: string) {
  return db
    .selectFrom('survey_responses')
    .selectAll()
    .where('survey_id', '=', surveyId)
    .where('member_id', '=', memberId)
    .forUpdate()
    .executeTakeFirst();
}

/** Starts a response (does nothing when the member already has one: the unique constraint). */
export async function insertResponse(db: Queryable, row: Insertable<SurveyResponseTable>): Promise<void> {
  await db
    .insertInto('survey_responses')
    .values(row)
    .onConflict((oc) => oc.constraint('survey_responses_once').doNothing())
    .execute();
}

/** Saves a response's answers and where it stands. */
export async function updateResponseRow(
  db: Queryable,
  id: string,
  changes: Updateable<SurveyResponseTable>,
): Promise<SurveyResponseRow> {
  return db
    .updateTable('survey_responses')
    .set({ ...changes, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Completes an in-progress response once; undefined when it was already completed. */
export async function completeResponseRow(
  db: Queryable,
  id: string,
  changes: Pick<
    Updateable<SurveyResponseTable>,
    'answers' | 'sentiments' | 'page_timings' | 'question_timings'
  >,
) {
  return db
    .updateTable('survey_responses')
    .set({
      ...changes,
      status: 'completed',
      completed_at: sql<Date>`now()`,
      duration_ms: sql<number>`GREATEST(0, (EXTRACT(EPOCH FROM (now() - started_at)) * 1000)::int)`,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .where('status', '=', 'in_progress')
    .returningAll()
    .executeTakeFirst();
}

/** The member's own uploads of a community among some ids (file answers). */
export async function findOwnUploadIds(
  db: Queryable,
  communityId: string,
  memberId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return new Set();
  const rows = await db
    .selectFrom('uploads')
    .select('id')
    .where('community_id', '=', communityId)
    .where('uploader_id', '=', memberId)
    .where('id', 'in', valid)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * The surveys an upload belongs to: those showing it as an image choice, and those where its uploader
 * gave it as a photo/file answer (at most 20, newest first).
 */
export async function listSurveysUsingUpload(
  db: Queryable,
  upload: { id: string; community_id: string; uploader_id: string },
): Promise<{ id: string; usage: 'choice' | 'answer' }[]> {
  const result = await sql<{ id: string; usage: 'choice' | 'answer' }>`
    (SELECT s.id, 'choice' AS usage FROM surveys s
      WHERE s.community_id = ${upload.community_id}
        AND jsonb_path_exists(s.definition, '$.pages[*].questions[*].options[*] ? (@.imageId == $id)',
          jsonb_build_object('id', ${upload.id}::text))
      ORDER BY s.created_at DESC LIMIT 10)
    UNION ALL
    (SELECT r.survey_id AS id, 'answer' AS usage FROM survey_responses r
      WHERE r.community_id = ${upload.community_id} AND r.member_id = ${upload.uploader_id}
        AND EXISTS (SELECT 1 FROM jsonb_each_text(r.answers) e WHERE e.value = ${upload.id}::text)
      ORDER BY r.started_at DESC LIMIT 10)`.execute(db);
  return result.rows;
}

/** Completion counts of a survey: started and completed, with the median completion time (one query). */
export async function responseStats(
  db: Queryable,
  surveyId: string,
  members: ReturnType<typeof segmentMemberIds> | null,
) {
  const filter = members ? sql`AND r.member_id IN ${members}` : sql``;
  const result = await sql<{ started: number; completed: number; median_ms: number | null }>`
    SELECT count(*)::int AS started,
           count(*) FILTER (WHERE r.status = 'completed')::int AS completed,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY r.duration_ms) FILTER (WHERE r.status = 'completed') AS median_ms
    FROM survey_responses r WHERE r.survey_id = ${surveyId} ${filter}`.execute(db);
  return result.rows[0] ?? { started: 0, completed: 0, median_ms: null };
}

/** The completed responses of a survey (answers and sentiments, with the pseudonym), by id (keyset). */
export async function listCompletedResponses(
  db: Queryable,
  surveyId: string,
  options: {
    members: ReturnType<typeof segmentMemberIds> | null;
    limit: number;
    afterId: string | null;
  },
) {
  let query = db
    .selectFrom('survey_responses as r')
    .innerJoin('memberships as m', 'm.id', 'r.member_id')
    .select([
      'r.id',
      'r.answers',
      'r.sentiments',
      'r.completed_at',
      'r.duration_ms',
      'r.started_at',
      'm.pseudonym',
    ])
    .where('r.survey_id', '=', surveyId)
    .where('r.status', '=', 'completed');
  const members = options.members;
  if (members) query = query.where(sql<boolean>`r.member_id IN ${members}`);
  if (options.afterId) query = query.where('r.id', '>', options.afterId);
  return query.orderBy('r.id').limit(options.limit).execute();
}

/** How many active memberships may answer a survey that targets everyone. */
export async function countRespondents(db: Queryable, communityId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', communityId)
    .where('status', '=', 'active')
    .where('role', 'in', ['member', 'expert', 'moderator', 'admin'])
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Published surveys closing within the window that have not sent their reminder yet (oldest close first). */
export async function listSurveysDueForReminder(db: Queryable, now: Date, until: Date, limit: number) {
  return db
    .selectFrom('surveys')
    .selectAll()
    .where('published', '=', true)
    .where('reminded_at', 'is', null)
    .where('closes_at', '>', now)
    .where('closes_at', '<=', until)
    .where((eb) => eb.or([eb('opens_at', 'is', null), eb('opens_at', '<=', now)]))
    .orderBy('closes_at')
    .limit(limit)
    .execute();
}

/** Marks a survey's reminder as sent; false when another sweep did it first. */
export async function claimReminder(db: Queryable, surveyId: string): Promise<boolean> {
  const row = await db
    .updateTable('surveys')
    .set({ reminded_at: sql<Date>`now()` })
    .where('id', '=', surveyId)
    .where('reminded_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return !!row;
}

/**
 * The targeted members who have not completed a survey, with the address and language to remind them in
 * (a system job's read of identity, to send the email only).
 */
export async function listNonRespondents(
  db: Queryable,
  survey: { id: string; community_id: string },
  target: ReturnType<typeof sql<boolean>>,
) {
  const result = await sql<{
    member_id: string;
    email: string;
    locale: string | null;
    default_locale: string;
  }>`
    SELECT m.id AS member_id, u.email, u.locale, c.default_locale
    FROM memberships m
    JOIN auth_user u ON u.id = m.user_id
    JOIN communities c ON c.id = m.community_id
    WHERE m.community_id = ${survey.community_id} AND ${target}
      AND NOT EXISTS (SELECT 1 FROM survey_responses r
        WHERE r.survey_id = ${survey.id} AND r.member_id = m.id AND r.status = 'completed')
    ORDER BY m.id`.execute(db);
  return result.rows;
}

/** A community's slug and name (for the links and words of research emails). */
export async function findCommunityNaming(db: Queryable, communityId: string) {
  return db
    .selectFrom('communities')
    .select(['slug', 'name'])
    .where('id', '=', communityId)
    .executeTakeFirstOrThrow();
}
