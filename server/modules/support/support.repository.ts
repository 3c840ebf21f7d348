import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import { isUuid } from '../../platform/db/ids.ts';
import type { BoardRow, PostStatus, ReplyRow, TopicRow } from '../../platform/db/schema.ts';
import { tagsOf } from './support-media.ts';
import { rankNameOf } from '../rewards/standing.repository.ts';

/** The boards of a community with their published topic counts, in display order. */
export async function listBoardRows(db: Queryable, communityId: string) {
  return db
    .selectFrom('boards as b')
    .selectAll('b')
    .select((eb) =>
      eb
        .selectFrom('topics as t')
        .whereRef('t.board_id', '=', 'b.id')
        .where('t.status', '=', 'published')
        .select(eb.fn.countAll<number>().as('n'))
        .as('topics_count'),
    )
    .where('b.community_id', '=', communityId)
    .orderBy('b.position')
    .orderBy('b.id')
    .execute();
}

/** A board of a community by id or slug. */
export async function findBoard(
  db: Queryable,
  communityId: string,
  key: string,
): Promise<BoardRow | undefined> {
  return db
    .selectFrom('boards')
    .selectAll()
    .where('community_id', '=', communityId)
    .where(isUuid(key) ? 'id' : 'slug', '=', key)
    .executeTakeFirst();
}

/** Inserts a board; a duplicate slug raises `boards_community_id_slug_key`. */
export async function insertBoard(
  db: Queryable,
  values: Omit<BoardRow, 'created_at' | 'updated_at'>,
): Promise<BoardRow> {
  return db.insertInto('boards').values(values).returningAll().executeTakeFirstOrThrow();
}

/** A topic of a community by id, with its board. */
export async function findTopic(db: Queryable, communityId: string, topicId: string) {
  if (!isUuid(topicId)) return undefined;
  return db
    .selectFrom('topics as t')
    .innerJoin('boards as b', 'b.id', 't.board_id')
    .selectAll('t')
    .select([
      'b.slug as board_slug',
      'b.title as board_title',
      'b.visibility as board_visibility',
      'b.posting as board_posting',
      'b.kind as board_kind',
      'b.premoderation as board_premoderation',
    ])
    .where('t.community_id', '=', communityId)
    .where('t.id', '=', topicId)
    .executeTakeFirst();
}

const authorColumns = [
  'm.pseudonym as author_pseudonym',
  'm.role as author_role',
  rankNameOf('m.id').as('author_rank'),
] as const;

/**
 * A page of a board's topics: pinned first, then by last activity. `statuses` is the query scope (authors
 * and moderators see pending ones elsewhere). `after` is the last (pinned, last_activity_at, id) seen.
 */
export async function listTopicRows(
  db: Queryable,
  boardId: string,
  page: {
    limit: number;
    after: [string, string, string] | null;
    filter?: 'unanswered' | 'unsolved';
    /** A normalized tag the topics must carry. */
    tag?: string;
    statuses: PostStatus[];
    /** A membership whose own pending topics are listed too (marked pending on the page). */
    ownPendingOf?: string | null;
  },
) {
  const ownPendingOf = page.ownPendingOf ?? null;
  let query = db
    .selectFrom('topics as t')
    .innerJoin('memberships as m', 'm.id', 't.author_id')
    .selectAll('t')
    .select([
      ...authorColumns,
      sql<string>`to_char(t.last_activity_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        'activity_key',
      ),
      tagsOf('t.id').as('tags'),
    ])
    .where('t.board_id', '=', boardId)
    .where((eb) =>
      ownPendingOf
        ? eb.or([
            eb('t.status', 'in', page.statuses),
            eb('t.status', '=', 'pending').and('t.author_id', '=', ownPendingOf),
          ])
        : eb('t.status', 'in', page.statuses),
    );
  if (page.filter === 'unanswered')
    query = query.where('t.kind', '=', 'question').where('t.replies_count', '=', 0);
  if (page.filter === 'unsolved')
    query = query.where('t.kind', '=', 'question').where('t.solved', '=', false);
  if (page.tag) {
    const tag = page.tag;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('topic_tags as tt')
          .select('tt.topic_id')
          .whereRef('tt.topic_id', '=', 't.id')
          .whereRef('tt.community_id', '=', 't.community_id')
          .where('tt.tag', '=', tag),
      ),
    );
  }
  if (page.after) {
    const [pinned, activity, id] = page.after;
    query = query.where(
      sql<boolean>`(t.pinned, t.last_activity_at, t.id) < (${pinned === 'true'}, ${activity}::timestamptz, ${id}::uuid)`,
    );
  }
  return query
    .orderBy('t.pinned', 'desc')
    .orderBy('t.last_activity_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(page.limit + 1)
    .execute();
}

/** The author (pseudonym and role) of a membership. */
export async function findAuthor(db: Queryable, membershipId: string) {
  return db
    .selectFrom('memberships')
    .select(['id', 'pseudonym', 'role'])
    .where('id', '=', membershipId)
    .executeTakeFirstOrThrow();
}

/** Inserts a topic. */
export async function insertTopic(
  db: Queryable,
  values: Omit<
    TopicRow,
    | 'created_at'
    | 'updated_at'
    | 'last_activity_at'
    | 'locked'
    | 'pinned'
    | 'solved'
    | 'replies_count'
    | 'kudos_count'
    | 'edited_at'
    | 'merged_into_id'
  >,
) {
  return db.insertInto('topics').values(values).returningAll().executeTakeFirstOrThrow();
}

/** A reply of a community by id. */
export async function findReply(
  db: Queryable,
  communityId: string,
  replyId: string,
): Promise<ReplyRow | undefined> {
  if (!isUuid(replyId)) return undefined;
  return db
    .selectFrom('replies')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', replyId)
    .executeTakeFirst();
}

/** Inserts a reply and, when it is published, counts it on its topic and bumps the topic's activity. */
export async function insertReply(
  db: Queryable,
  values: Omit<
    ReplyRow,
    'created_at' | 'updated_at' | 'is_solution' | 'kudos_count' | 'official' | 'edited_at'
  > & {
    official?: boolean;
  },
): Promise<ReplyRow> {
  if (values.status !== 'published') {
    return db.insertInto('replies').values(values).returningAll().executeTakeFirstOrThrow();
  }
  // One statement (one round trip): the insert, and the topic's counter in a data-modifying CTE.
  return db
    .with('inserted', (qb) => qb.insertInto('replies').values(values).returningAll())
    .with('counted', (qb) =>
      qb
        .updateTable('topics')
        .set((eb) => ({ replies_count: eb('replies_count', '+', 1), last_activity_at: sql<Date>`now()` }))
        .where('id', '=', values.topic_id)
        .returning('id'),
    )
    .selectFrom('inserted')
    .selectAll()
    .executeTakeFirstOrThrow();
}

/** Marks a reply as a solution or not, and recomputes its topic's `solved` flag. */
export async function setSolution(
  db: Queryable,
  reply: Pick<ReplyRow, 'id' | 'topic_id'>,
  accepted: boolean,
): Promise<void> {
  // Lock the topic first: two solution changes on one topic at once then see each other's effect.
  await db.selectFrom('topics').select('id').where('id', '=', reply.topic_id).forUpdate().execute();
  await db.updateTable('replies').set({ is_solution: accepted }).where('id', '=', reply.id).execute();
  await db
    .updateTable('topics')
    .set({
      solved: sql<boolean>`EXISTS (SELECT 1 FROM replies WHERE topic_id = ${reply.topic_id} AND is_solution AND status = 'published')`,
    })
    .where('id', '=', reply.topic_id)
    .execute();
}

/**
 * Records a kudos and increments the item's count. Returns the new count, or null when this member had
 * already given kudos to it (the primary key makes it once per member per item, even concurrently).
 */
export async function addKudos(
  db: Queryable,
  values: {
    community_id: string;
    giver_id: string;
    target_type: 'topic' | 'reply';
    target_id: string;
    receiver_id: string;
  },
): Promise<number | null> {
  const inserted = await db
    .insertInto('kudos')
    .values(values)
    .onConflict((oc) => oc.doNothing())
    .returning('target_id')
    .executeTakeFirst();
  if (!inserted) return null;
  const table = values.target_type === 'topic' ? 'topics' : 'replies';
  const row = await db
    .updateTable(table)
    .set((eb) => ({ kudos_count: eb('kudos_count', '+', 1) }))
    .where('id', '=', values.target_id)
    .returning('kudos_count')
    .executeTakeFirstOrThrow();
  return row.kudos_count;
}

/** Published topics of a community's public boards, most recently active first (for its sitemap). */
export async function listPublicTopicRefs(db: Queryable, communityId: string, limit: number) {
  return db
    .selectFrom('topics as t')
    .innerJoin('boards as b', 'b.id', 't.board_id')
    .select(['t.id', 't.last_activity_at'])
    .where('t.community_id', '=', communityId)
    .where('t.status', '=', 'published')
    .where('b.visibility', '=', 'public')
    .orderBy('t.last_activity_at', 'desc')
    .limit(limit)
    .execute();
}
