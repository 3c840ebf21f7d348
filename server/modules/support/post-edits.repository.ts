import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import type { PostRevisionTable, ReplyRow, TopicRow } from '../../platform/db/schema.ts';

/**
 * Queries of editing and arranging posts (edits with history, soft deletes, lock, pin, move, merge).
 * Kept apart from `support.repository.ts` so each use case's SQL reads in one place.
 */

/**
 * Locks a topic's row until the transaction ends, so its content, counters and flags change one writer at
 * a time; returns what it holds now.
 */
export async function lockTopicRow(db: Queryable, topicId: string) {
  return db
    .selectFrom('topics')
    .select(['id', 'title', 'body', 'locked', 'pinned', 'board_id', 'status'])
    .where('id', '=', topicId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** Locks a reply's row until the transaction ends; returns it as it stands now. */
export async function lockReplyRow(db: Queryable, replyId: string): Promise<ReplyRow> {
  return db.selectFrom('replies').selectAll().where('id', '=', replyId).forUpdate().executeTakeFirstOrThrow();
}

/** Records the previous version of a post (one row per edit). */
export async function insertRevision(
  db: Queryable,
  values: Omit<PostRevisionTable, 'created_at'>,
): Promise<void> {
  await db.insertInto('post_revisions').values(values).execute();
}

/**
 * A post's edit history, newest first (at most `limit`), with each editor's pseudonym and role. Served by
 * `post_revisions_target_idx`.
 */
export async function listRevisionRows(
  db: Queryable,
  target: { type: 'topic' | 'reply'; id: string; communityId: string },
  limit: number,
) {
  return db
    .selectFrom('post_revisions as r')
    .leftJoin('memberships as m', 'm.id', 'r.editor_id')
    .select([
      'r.id',
      'r.editor_id',
      'r.title',
      'r.body',
      'r.created_at',
      'm.pseudonym as editor_pseudonym',
      'm.role as editor_role',
    ])
    .where('r.target_type', '=', target.type)
    .where('r.target_id', '=', target.id)
    .where('r.community_id', '=', target.communityId)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
}

/** Changes a topic: its content (marks it edited), its flags or its board. */
export async function updateTopicRow(
  db: Queryable,
  topicId: string,
  values: {
    content?: Pick<TopicRow, 'title' | 'body' | 'body_html'>;
    locked?: boolean;
    pinned?: boolean;
    boardId?: string;
  },
): Promise<void> {
  await db
    .updateTable('topics')
    .set({
      ...(values.content ? { ...values.content, edited_at: sql<Date>`now()` } : {}),
      ...(values.locked === undefined ? {} : { locked: values.locked }),
      ...(values.pinned === undefined ? {} : { pinned: values.pinned }),
      ...(values.boardId === undefined ? {} : { board_id: values.boardId }),
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', topicId)
    .execute();
}

/** Changes a reply's body and marks it edited. */
export async function updateReplyContent(
  db: Queryable,
  replyId: string,
  content: Pick<ReplyRow, 'body' | 'body_html'>,
): Promise<void> {
  await db
    .updateTable('replies')
    .set({ ...content, edited_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where('id', '=', replyId)
    .execute();
}

/** Soft-deletes a topic (its replies stay, unreachable with it). */
export async function softDeleteTopic(db: Queryable, topicId: string): Promise<void> {
  await db
    .updateTable('topics')
    .set({ status: 'deleted', updated_at: sql<Date>`now()` })
    .where('id', '=', topicId)
    .execute();
}

/** Soft-deletes a reply and recounts its topic (replies, solved). Call with the topic row locked. */
export async function softDeleteReply(
  db: Queryable,
  reply: Pick<ReplyRow, 'id' | 'topic_id'>,
): Promise<void> {
  await db
    .updateTable('replies')
    .set({ status: 'deleted', updated_at: sql<Date>`now()` })
    .where('id', '=', reply.id)
    .execute();
  await recountTopic(db, reply.topic_id);
}

/**
 * Recomputes a topic's counters from its replies: `replies_count` (published replies) and `solved` (a
 * question with a published solution).
 */
export async function recountTopic(db: Queryable, topicId: string): Promise<void> {
  await db
    .updateTable('topics')
    .set({
      replies_count: sql<number>`(SELECT count(*) FROM replies WHERE topic_id = ${topicId} AND status = 'published')`,
      solved: sql<boolean>`kind = 'question' AND EXISTS (SELECT 1 FROM replies WHERE topic_id = ${topicId} AND is_solution AND status = 'published')`,
    })
    .where('id', '=', topicId)
    .execute();
}

/**
 * Merges `source` into `target`: its opening post becomes a reply of the target (same author, body and
 * date, with its kudos, images and flags), its replies move there with their flags (losing their
 * solution mark when the target is a discussion), topics already merged into the source now point at the target, the source becomes
 * `deleted` with `merged_into_id`, and both topics are recounted. Returns how many replies moved. Call
 * with both topic rows locked.
 */
export async function mergeTopicRows(
  db: Queryable,
  source: Pick<
    TopicRow,
    | 'id'
    | 'community_id'
    | 'author_id'
    | 'body'
    | 'body_html'
    | 'status'
    | 'created_at'
    | 'kudos_count'
    | 'last_activity_at'
  >,
  target: Pick<TopicRow, 'id' | 'kind'>,
  openingReplyId: string,
): Promise<number> {
  const moved = await db
    .updateTable('replies')
    .set({
      topic_id: target.id,
      ...(target.kind === 'question' ? {} : { is_solution: false }),
      updated_at: sql<Date>`now()`,
    })
    .where('topic_id', '=', source.id)
    .executeTakeFirst();
  await db
    .insertInto('replies')
    .values({
      id: openingReplyId,
      community_id: source.community_id,
      topic_id: target.id,
      author_id: source.author_id,
      in_reply_to_id: null,
      body: source.body,
      body_html: source.body_html,
      status: source.status,
      kudos_count: source.kudos_count,
      created_at: source.created_at,
    })
    .execute();
  await db
    .updateTable('kudos')
    .set({ target_type: 'reply', target_id: openingReplyId })
    .where('target_type', '=', 'topic')
    .where('target_id', '=', source.id)
    .execute();
  await db
    .updateTable('uploads')
    .set({ target_type: 'reply', target_id: openingReplyId })
    .where('target_type', '=', 'topic')
    .where('target_id', '=', source.id)
    .execute();
  await db
    .updateTable('flags')
    .set({ target_type: 'reply', target_id: openingReplyId })
    .where('target_type', '=', 'topic')
    .where('target_id', '=', source.id)
    .execute();
  await db.updateTable('flags').set({ topic_id: target.id }).where('topic_id', '=', source.id).execute();
  await db
    .updateTable('topics')
    .set({ merged_into_id: target.id })
    .where('merged_into_id', '=', source.id)
    .execute();
  await db
    .updateTable('topics')
    .set({
      status: 'deleted',
      merged_into_id: target.id,
      kudos_count: 0,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', source.id)
    .execute();
  await db
    .updateTable('topics')
    .set({
      last_activity_at: sql<Date>`greatest(last_activity_at, ${source.last_activity_at})`,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', target.id)
    .execute();
  await recountTopic(db, source.id);
  await recountTopic(db, target.id);
  return Number(moved.numUpdatedRows);
}
