import { type RawBuilder, sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import { isUuid } from '../../platform/db/ids.ts';
import type { BoardRow, PostStatus, TopicRow } from '../../platform/db/schema.ts';
import type { ImageDto } from './support.schemas.ts';
import { rankNameOf } from '../rewards/standing.repository.ts';

/** Replies shown on one page of a topic. */
export const REPLIES_PER_PAGE = 30;

/** A post's images as a JSON array built by PostgreSQL, in their order (one subquery, no N+1). */
function imagesOf(targetType: 'topic' | 'reply', target: RawBuilder<unknown>): RawBuilder<ImageDto[]> {
  return sql<ImageDto[]>`(
    SELECT coalesce(json_agg(json_build_object(
      'id', u.id, 'url', '/uploads/' || u.id, 'contentType', u.content_type,
      'width', u.width, 'height', u.height, 'alt', u.alt) ORDER BY u.position), '[]'::json)
    FROM uploads u WHERE u.target_type = ${targetType} AND u.target_id = ${target})`;
}

/** A reply of a topic page as PostgreSQL builds it: dates in milliseconds since the epoch. */
interface ReplyJson {
  id: string;
  author_id: string;
  in_reply_to_id: string | null;
  body: string;
  body_html: string;
  status: PostStatus;
  is_solution: boolean;
  kudos_count: number;
  official: boolean;
  created_at: number;
  edited_at: number | null;
  author_pseudonym: string;
  author_role: string;
  author_rank: string | null;
  images: ImageDto[];
  /** Its rank among the visible replies (1: the oldest). */
  rn: number;
  /** The number of visible replies. */
  total: number;
}

/** A topic page as read by `findTopicPage`: the topic's columns, its board's, its author's, and its replies. */
interface TopicPageRow extends TopicRow {
  board_slug: string;
  board_title: string;
  board_visibility: BoardRow['visibility'];
  board_posting: BoardRow['posting'];
  board_kind: BoardRow['kind'];
  board_premoderation: boolean;
  author_pseudonym: string;
  author_role: string;
  author_rank: string | null;
  tags: string[];
  images: ImageDto[];
  replies: ReplyJson[];
}

/**
 * A topic page in ONE query (each round trip to PostgreSQL costs a socket write, which dominated the
 * page's CPU): the topic with its board (as `findTopic`), its author's pseudonym, role and rank, its tags
 * and images, and one page of its replies in the given statuses (and `ownPendingOf`'s pending ones),
 * oldest first, with their authors and images, plus every accepted solution wherever it sits. Each reply
 * carries its rank (`rn`) and the number of visible replies (`total`). The replies are built as JSON by
 * PostgreSQL (`replies_topic_idx` serves them); the caller checks the topic may be read before showing any.
 */
export async function findTopicPage(
  db: Queryable,
  communityId: string,
  topicId: string,
  scope: { statuses: PostStatus[]; page: { number: number; size: number }; ownPendingOf: string | null },
) {
  if (!isUuid(topicId)) return undefined;
  const first = (scope.page.number - 1) * scope.page.size + 1;
  const last = scope.page.number * scope.page.size;
  const shown = sql`r.status IN (${sql.join(scope.statuses)})`;
  // Members see their own replies waiting for moderation, marked as pending.
  const visible = scope.ownPendingOf
    ? sql`(${shown} OR (r.status = 'pending' AND r.author_id = ${scope.ownPendingOf}))`
    : shown;
  const { rows } = await sql<TopicPageRow>`
    SELECT t.id, t.community_id, t.board_id, t.author_id, t.kind, t.title, t.body, t.body_html, t.status,
           t.locked, t.pinned, t.solved, t.replies_count, t.kudos_count, t.last_activity_at, t.created_at,
           t.updated_at, t.edited_at, t.merged_into_id,
           b.slug AS board_slug, b.title AS board_title, b.visibility AS board_visibility,
           b.posting AS board_posting, b.kind AS board_kind, b.premoderation AS board_premoderation,
           a.pseudonym AS author_pseudonym, a.role AS author_role, ${rankNameOf('a.id')} AS author_rank,
           ARRAY(SELECT tt.tag FROM topic_tags tt WHERE tt.topic_id = t.id ORDER BY tt.position) AS tags,
           ${imagesOf('topic', sql.ref('t.id'))} AS images,
           (SELECT coalesce(json_agg(json_build_object(
                     'id', n.id, 'author_id', n.author_id, 'in_reply_to_id', n.in_reply_to_id,
                     'body', n.body, 'body_html', n.body_html, 'status', n.status,
                     'is_solution', n.is_solution, 'kudos_count', n.kudos_count, 'official', n.official,
                     'created_at', floor(extract(epoch FROM n.created_at) * 1000),
                     'edited_at', floor(extract(epoch FROM n.edited_at) * 1000),
                     'author_pseudonym', m.pseudonym, 'author_role', m.role,
                     'author_rank', ${rankNameOf('m.id')},
                     'images', ${imagesOf('reply', sql.ref('n.id'))},
                     'rn', n.rn, 'total', n.total) ORDER BY n.rn), '[]'::json)
              FROM (SELECT r.id, r.author_id, r.in_reply_to_id, r.body, r.body_html, r.status, r.is_solution,
                           r.kudos_count, r.official, r.created_at, r.edited_at,
                           row_number() OVER (ORDER BY r.created_at, r.id) AS rn,
                           count(*) OVER () AS total
                      FROM replies r
                     WHERE r.topic_id = t.id AND ${visible}) n
              JOIN memberships m ON m.id = n.author_id
             WHERE (n.rn BETWEEN ${first} AND ${last}) OR n.is_solution) AS replies
      FROM topics t
      JOIN boards b ON b.id = t.board_id
      JOIN memberships a ON a.id = t.author_id
     WHERE t.community_id = ${communityId} AND t.id = ${topicId}`.execute(db);
  return rows[0];
}

/** A reply of `findTopicPage` as the presenters take it (its dates as `Date`s). */
export function replyRowOf(reply: ReplyJson) {
  return {
    ...reply,
    created_at: new Date(reply.created_at),
    edited_at: reply.edited_at === null ? null : new Date(reply.edited_at),
  };
}

/** The number of a topic's replies in the given statuses (used when a page lies past the end). */
export async function countReplies(
  db: Queryable,
  topicId: string,
  statuses: PostStatus[],
  ownPendingOf: string | null = null,
): Promise<number> {
  const row = await db
    .selectFrom('replies')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('topic_id', '=', topicId)
    .where((eb) =>
      ownPendingOf
        ? eb.or([
            eb('status', 'in', statuses),
            eb('status', '=', 'pending').and('author_id', '=', ownPendingOf),
          ])
        : eb('status', 'in', statuses),
    )
    .executeTakeFirstOrThrow();
  return row.n;
}
