import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import { isUuid } from '../../platform/db/ids.ts';
import type { BoardRow } from '../../platform/db/schema.ts';
import { anyWordQuery, bilingualQuery, unaccented } from '../../platform/search/full-text.ts';

/** The boards of a community with what `boardPolicy.view` needs (the search scope is built from them). */
export async function listScopeBoards(db: Queryable, communityId: string) {
  return db
    .selectFrom('boards')
    .select(['id', 'slug', 'title', 'visibility', 'posting', 'kind', 'premoderation'])
    .where('community_id', '=', communityId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}
/** A board as the search scope holds it. */
export type ScopeBoard = Pick<
  BoardRow,
  'id' | 'slug' | 'title' | 'visibility' | 'posting' | 'kind' | 'premoderation'
>;

/** Filters of a search, already resolved to ids and dates. */
export interface SearchFilters {
  /** The boards searched: those the viewer reads, narrowed to one when asked. Never empty. */
  boardIds: string[];
  tag?: string;
  solved?: boolean;
  /** The author's pseudonym key (`pseudonymKey`). */
  authorKey?: string;
  /** Topics created at or after `from`, and before `until` (exclusive). */
  from?: Date;
  until?: Date;
}

/**
 * One page of published topics matching `text` in their title, their body or one of their published
 * replies, in the given boards, ordered by relevance then recent activity. A reply's match counts half
 * a topic's; `total` is the number of matching topics. `reply_body_html` is the best matching reply's.
 */
export async function searchTopicRows(
  db: Queryable,
  communityId: string,
  text: string,
  filters: SearchFilters,
  page: { limit: number; offset: number },
) {
  let query = db
    .with('q', (qb) => qb.selectNoFrom(bilingualQuery(text).as('query')))
    .with('hits', (qb) =>
      qb
        .selectFrom(['topics as t', 'q'])
        .select([
          't.id as topic_id',
          sql<number>`ts_rank(t.search_vector, q.query, 1)`.as('topic_rank'),
          sql<number | null>`NULL::real`.as('reply_rank'),
          sql<string | null>`NULL::uuid`.as('reply_id'),
        ])
        .where('t.community_id', '=', communityId)
        .where('t.status', '=', 'published')
        .where('t.board_id', 'in', filters.boardIds)
        .where(sql<boolean>`t.search_vector @@ q.query`)
        .unionAll(
          qb
            .selectFrom(['replies as r', 'q'])
            .select([
              'r.topic_id',
              sql<number>`0::real`.as('topic_rank'),
              sql<number>`ts_rank(r.search_vector, q.query, 1)`.as('reply_rank'),
              'r.id as reply_id',
            ])
            .where('r.community_id', '=', communityId)
            .where('r.status', '=', 'published')
            .where(sql<boolean>`r.search_vector @@ q.query`),
        ),
    )
    .with('scored', (qb) =>
      qb
        .selectFrom('hits')
        .select([
          'topic_id',
          sql<number>`max(topic_rank) + 0.5 * coalesce(max(reply_rank), 0)`.as('score'),
          sql<boolean>`max(topic_rank) > 0`.as('topic_matched'),
          sql<
            string | null
          >`(array_agg(reply_id ORDER BY reply_rank DESC NULLS LAST) FILTER (WHERE reply_id IS NOT NULL))[1]`.as(
            'reply_id',
          ),
        ])
        .groupBy('topic_id'),
    )
    .selectFrom('scored as s')
    .innerJoin('topics as t', 't.id', 's.topic_id')
    .innerJoin('boards as b', 'b.id', 't.board_id')
    .innerJoin('memberships as m', 'm.id', 't.author_id')
    .leftJoin('replies as rr', 'rr.id', 's.reply_id')
    .select([
      't.id',
      't.kind',
      't.title',
      't.body_html',
      't.solved',
      't.replies_count',
      't.created_at',
      't.last_activity_at',
      'b.slug as board_slug',
      'b.title as board_title',
      'm.pseudonym as author_pseudonym',
      'm.id as author_id',
      's.score',
      's.topic_matched',
      'rr.body_html as reply_body_html',
      sql<number>`count(*) OVER ()`.as('total'),
    ])
    .where('t.community_id', '=', communityId)
    .where('t.status', '=', 'published')
    .where('t.board_id', 'in', filters.boardIds);
  if (filters.solved !== undefined) query = query.where('t.solved', '=', filters.solved);
  if (filters.authorKey) query = query.where('m.pseudonym_key', '=', filters.authorKey);
  if (filters.from) query = query.where('t.created_at', '>=', filters.from);
  if (filters.until) query = query.where('t.created_at', '<', filters.until);
  if (filters.tag) {
    const tag = filters.tag;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('topic_tags as tt')
          .select('tt.topic_id')
          .whereRef('tt.topic_id', '=', 't.id')
          .where('tt.community_id', '=', communityId)
          .where('tt.tag', '=', tag),
      ),
    );
  }
  return query
    .orderBy('s.score', 'desc')
    .orderBy('t.last_activity_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(page.limit + 1)
    .offset(page.offset)
    .execute();
}

/**
 * Highlights texts for `text`: for each, its `ts_headline` in both configurations (the caller keeps the
 * one marking more matches). One round trip for a whole page.
 */
export async function headlines(
  db: Queryable,
  text: string,
  sources: { text: string; options: string }[],
): Promise<{ fr: string; en: string }[]> {
  if (sources.length === 0) return [];
  const { rows } = await sql<{ fr: string; en: string }>`
    WITH q AS (SELECT ${bilingualQuery(text)} AS query)
    SELECT ts_headline('cercle_fr', src.text, q.query, src.options) AS fr,
           ts_headline('cercle_en', src.text, q.query, src.options) AS en
    FROM unnest(${sources.map((s) => s.text)}::text[], ${sources.map((s) => s.options)}::text[])
      WITH ORDINALITY AS src(text, options, n)
    CROSS JOIN q
    ORDER BY src.n
  `.execute(db);
  return rows;
}

const suggestionColumns = [
  't.id',
  't.title',
  't.solved',
  't.replies_count',
  'b.slug as board_slug',
  'b.title as board_title',
] as const;

/**
 * Published topics of the given boards whose title resembles `text` word for word despite typos and
 * accents (trigram word similarity on the unaccented title), best first; `exclude` leaves ids out.
 */
export async function listLookalikeTitleRows(
  db: Queryable,
  communityId: string,
  text: string,
  boardIds: string[],
  options: { limit: number; exclude: string[] },
) {
  let query = db
    .selectFrom('topics as t')
    .innerJoin('boards as b', 'b.id', 't.board_id')
    .select(suggestionColumns)
    .where('t.community_id', '=', communityId)
    .where('t.status', '=', 'published')
    .where('t.board_id', 'in', boardIds)
    .where(sql<boolean>`${unaccented(text)} <% cercle_unaccent(t.title)`);
  if (options.exclude.length > 0) query = query.where('t.id', 'not in', options.exclude);
  return query
    .orderBy(sql`word_similarity(${unaccented(text)}, cercle_unaccent(t.title))`, 'desc')
    .orderBy('t.last_activity_at', 'desc')
    .limit(options.limit)
    .execute();
}

/**
 * Solved, published questions of the given boards resembling a title being typed: sharing significant
 * words (stemmed, accents ignored) or a title close despite typos. Best first, at most `limit`.
 */
export async function listSimilarSolvedRows(
  db: Queryable,
  communityId: string,
  title: string,
  boardIds: string[],
  limit: number,
) {
  return (
    db
      .with('q', (qb) => qb.selectNoFrom(anyWordQuery(title).as('query')))
      // q first: the join below binds to the last FROM item.
      .selectFrom(['q', 'topics as t'])
      .innerJoin('boards as b', 'b.id', 't.board_id')
      .select(suggestionColumns)
      .where('t.community_id', '=', communityId)
      .where('t.status', '=', 'published')
      .where('t.kind', '=', 'question')
      .where('t.solved', '=', true)
      .where('t.board_id', 'in', boardIds)
      .where(sql<boolean>`(t.search_vector @@ q.query OR ${unaccented(title)} <% cercle_unaccent(t.title))`)
      .orderBy(
        sql`ts_rank(t.search_vector, q.query, 1) + word_similarity(${unaccented(title)}, cercle_unaccent(t.title))`,
        'desc',
      )
      .orderBy('t.last_activity_at', 'desc')
      .limit(limit)
      .execute()
  );
}

/** The attempt a member's new view joins: their latest view within the hour, when not converted. */
export async function findOpenAttempt(db: Queryable, communityId: string, memberId: string) {
  return db
    .selectFrom('deflection_views')
    .select(['attempt_id', 'converted'])
    .where('member_id', '=', memberId)
    .where('community_id', '=', communityId)
    .where('created_at', '>', sql<Date>`now() - interval '1 hour'`)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** A member's view of one topic within an attempt, if any. */
export async function findViewInAttempt(db: Queryable, attemptId: string, topicId: string) {
  return db
    .selectFrom('deflection_views')
    .selectAll()
    .where('attempt_id', '=', attemptId)
    .where('topic_id', '=', topicId)
    .executeTakeFirst();
}

/**
 * Inserts a view of a suggested question; undefined when the attempt already holds a view of that topic
 * (unique per attempt and topic, even under concurrent requests).
 */
export async function insertDeflectionView(
  db: Queryable,
  values: {
    id: string;
    community_id: string;
    member_id: string;
    topic_id: string;
    attempt_id: string;
    query_title: string;
  },
) {
  return db
    .insertInto('deflection_views')
    .values(values)
    .onConflict((oc) => oc.columns(['attempt_id', 'topic_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/**
 * Marks as converted the attempts of a member that had a view in the hour before `postedAt`, all their
 * views included, with the topic posted. Returns how many views changed.
 */
export async function convertAttempts(
  db: Queryable,
  values: { communityId: string; memberId: string; topicId: string; postedAt: Date },
): Promise<number> {
  if (!isUuid(values.topicId)) return 0;
  const result = await db
    .updateTable('deflection_views')
    .set({ converted: true, posted_topic_id: values.topicId })
    .where('member_id', '=', values.memberId)
    .where('community_id', '=', values.communityId)
    .where('converted', '=', false)
    .where('attempt_id', 'in', (qb) =>
      qb
        .selectFrom('deflection_views')
        .select('attempt_id')
        .where('member_id', '=', values.memberId)
        .where('community_id', '=', values.communityId)
        .where('created_at', '>=', sql<Date>`${values.postedAt}::timestamptz - interval '1 hour'`)
        .where('created_at', '<=', values.postedAt),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Deflection counts per ISO week (Monday, UTC) for the `weeks` weeks up to the current one, oldest
 * first. An attempt belongs to the week of its first view; it is a deflection once its last view is more
 * than an hour old without conversion, pending before.
 */
export async function deflectionWeekRows(db: Queryable, communityId: string, weeks: number) {
  const { rows } = await sql<{
    week: string;
    week_start: string;
    views: number;
    deflections: number;
    conversions: number;
    pending: number;
  }>`
    WITH bounds AS (
      SELECT generate_series(
        date_trunc('week', now() AT TIME ZONE 'UTC') - make_interval(weeks => ${weeks - 1}),
        date_trunc('week', now() AT TIME ZONE 'UTC'),
        interval '1 week'
      ) AS start
    ),
    attempts AS (
      SELECT attempt_id,
             min(created_at) AS started_at,
             max(created_at) AS last_at,
             bool_or(converted) AS converted,
             count(*) AS views
      FROM deflection_views
      WHERE community_id = ${communityId}
        AND created_at >= (SELECT min(start) FROM bounds) AT TIME ZONE 'UTC' - interval '1 hour'
      GROUP BY attempt_id
    )
    SELECT to_char(w.start, 'IYYY-"W"IW') AS week,
           to_char(w.start, 'YYYY-MM-DD') AS week_start,
           coalesce(sum(a.views), 0)::int AS views,
           (count(a.attempt_id) FILTER (WHERE NOT a.converted AND a.last_at < now() - interval '1 hour'))::int AS deflections,
           (count(a.attempt_id) FILTER (WHERE a.converted))::int AS conversions,
           (count(a.attempt_id) FILTER (WHERE NOT a.converted AND a.last_at >= now() - interval '1 hour'))::int AS pending
    FROM bounds w
    LEFT JOIN attempts a
      ON a.started_at >= w.start AT TIME ZONE 'UTC'
     AND a.started_at < (w.start + interval '1 week') AT TIME ZONE 'UTC'
    GROUP BY w.start
    ORDER BY w.start
  `.execute(db);
  return rows;
}
