import { type RawBuilder, sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import { isUuid } from '../../platform/db/ids.ts';
import type { BoardRow, PostStatus, ReplyRow, TopicRow } from '../../platform/db/schema.ts';
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

/** A topic as read by `findTopicPage`: the topic's columns, its board's, its author's, its tags and images. */
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
}

/**
 * A topic for its page in ONE query (each round trip to PostgreSQL costs a socket write, which dominated
 * the page's CPU): the topic with its board (as `findTopic`), its author's pseudonym, role and rank, its
 * tags and its images. Its replies are read beside it (`listReplyPage`): built as JSON by PostgreSQL in
 * the same query, they cost PostgreSQL twice the CPU of plain rows.
 */
export async function findTopicPage(db: Queryable, communityId: string, topicId: string) {
  if (!isUuid(topicId)) return undefined;
  const { rows } = await sql<TopicPageRow>`
    SELECT t.id, t.community_id, t.board_id, t.author_id, t.kind, t.title, t.body, t.body_html, t.status,
           t.locked, t.pinned, t.solved, t.replies_count, t.kudos_count, t.last_activity_at, t.created_at,
           t.updated_at, t.edited_at, t.merged_into_id,
           b.slug AS board_slug, b.title AS board_title, b.visibility AS board_visibility,
           b.posting AS board_posting, b.kind AS board_kind, b.premoderation AS board_premoderation,
           a.pseudonym AS author_pseudonym, a.role AS author_role, ${rankNameOf('a.id')} AS author_rank,
           ARRAY(SELECT tt.tag FROM topic_tags tt WHERE tt.topic_id = t.id ORDER BY tt.position) AS tags,
           ${imagesOf('topic', sql.ref('t.id'))} AS images
      FROM topics t
      JOIN boards b ON b.id = t.board_id
      JOIN memberships a ON a.id = t.author_id
     WHERE t.community_id = ${communityId} AND t.id = ${topicId}`.execute(db);
  return rows[0];
}

/** A reply of a topic page: its columns (not its `search_vector`), its author's, its images, rank and total. */
interface ReplyPageRow extends Omit<ReplyRow, 'community_id' | 'topic_id' | 'updated_at'> {
  author_pseudonym: string;
  author_role: string;
  author_rank: string | null;
  images: ImageDto[];
  /** Its rank among the visible replies (1: the oldest). */
  rn: number;
  /** The number of visible replies. */
  total: number;
}

/**
 * One page of a topic's replies in the given statuses (and `ownPendingOf`'s pending ones), oldest
 * first, with their authors and images, plus every accepted solution wherever it sits; each row carries
 * its rank (`rn`) and the number of visible replies (`total`). One query; `replies_topic_idx` serves it.
 * Written as SQL with its columns named: it leaves out `search_vector` (a tsvector PostgreSQL would print
 * for every reply) at no cost to Kysely's query building.
 */
export async function listReplyPage(
  db: Queryable,
  topicId: string,
  statuses: PostStatus[],
  page: { number: number; size: number },
  ownPendingOf: string | null = null,
) {
  const first = (page.number - 1) * page.size + 1;
  const last = page.number * page.size;
  const shown = sql`r.status IN (${sql.join(statuses)})`;
  // The viewer's own pending replies too, marked as such on the page.
  const visible = ownPendingOf
    ? sql`(${shown} OR (r.status = 'pending' AND r.author_id = ${ownPendingOf}))`
    : shown;
  const { rows } = await sql<ReplyPageRow>`
    SELECT n.*, m.pseudonym AS author_pseudonym, m.role AS author_role,
           ${rankNameOf('m.id')} AS author_rank, ${imagesOf('reply', sql.ref('n.id'))} AS images
      FROM (SELECT r.id, r.author_id, r.in_reply_to_id, r.body, r.body_html, r.status, r.is_solution,
                   r.kudos_count, r.official, r.created_at, r.edited_at,
                   (row_number() OVER (ORDER BY r.created_at, r.id))::int AS rn,
                   (count(*) OVER ())::int AS total
              FROM replies r
             WHERE r.topic_id = ${topicId} AND ${visible}) n
      JOIN memberships m ON m.id = n.author_id
     WHERE (n.rn BETWEEN ${first} AND ${last}) OR n.is_solution
     ORDER BY n.rn`.execute(db);
  return rows;
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
