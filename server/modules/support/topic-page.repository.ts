import { type RawBuilder, sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import type { CommunityRole, PostStatus, ReplyRow } from '../../platform/db/schema.ts';
import type { ImageDto } from './support.schemas.ts';
import { replyColumns } from './post-columns.ts';
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

/** One page of a topic's replies, with their authors and images (see `findTopicPage`). */
export type ReplyPageRow = ReplyRow & {
  rn: number;
  total: number;
  author_pseudonym: string;
  author_role: CommunityRole;
  author_rank: string | null;
  images: ImageDto[];
};

/** What a topic page needs besides the topic row: its author's pseudonym, role and rank, tags and images. */
export interface TopicExtras {
  pseudonym: string;
  role: CommunityRole;
  rank: string | null;
  tags: string[];
  images: ImageDto[];
}

/**
 * What a topic page shows besides the topic row, in ONE query (one round trip): the topic author's
 * pseudonym, role and rank, the topic's tags and images, and one page of its replies in the given statuses
 * (and `ownPendingOf`'s pending ones), oldest first, with their authors and images, plus every accepted
 * solution wherever it sits; each reply carries its rank (`rn`) and the number of visible replies
 * (`total`). `replies_topic_idx` serves the replies.
 * @throws when the topic's author has no membership (cannot happen: a foreign key)
 */
export async function findTopicPage(
  db: Queryable,
  topic: { id: string; author_id: string },
  statuses: PostStatus[],
  page: { number: number; size: number },
  ownPendingOf: string | null = null,
): Promise<{ extras: TopicExtras; rows: ReplyPageRow[] }> {
  const first = (page.number - 1) * page.size + 1;
  const last = page.number * page.size;
  const result = await db
    .with('extras', (qb) =>
      qb
        .selectFrom('memberships as tm')
        .select([
          'tm.pseudonym as topic_author_pseudonym',
          'tm.role as topic_author_role',
          rankNameOf('tm.id').as('topic_author_rank'),
          sql<
            string[]
          >`ARRAY(SELECT tt.tag FROM topic_tags tt WHERE tt.topic_id = ${topic.id} ORDER BY tt.position)`.as(
            'topic_tags',
          ),
          imagesOf('topic', sql`${topic.id}::uuid`).as('topic_images'),
        ])
        .where('tm.id', '=', topic.author_id),
    )
    .with('numbered', (qb) =>
      qb
        .selectFrom('replies as r')
        .select(replyColumns('r'))
        .select([
          sql<number>`(row_number() OVER (ORDER BY r.created_at, r.id))::int`.as('rn'),
          sql<number>`(count(*) OVER ())::int`.as('total'),
        ])
        .where('r.topic_id', '=', topic.id)
        .where((eb) => {
          const shown = eb('r.status', 'in', statuses);
          // The viewer's own pending replies too, marked as such on the page.
          if (!ownPendingOf) return shown;
          return eb.or([shown, eb('r.status', '=', 'pending').and('r.author_id', '=', ownPendingOf)]);
        }),
    )
    // The extras' single row, joined to the page's replies (or to nothing: a topic without replies).
    .selectFrom('extras as e')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('numbered as n')
          .innerJoin('memberships as m', 'm.id', 'n.author_id')
          .selectAll('n')
          .select([
            'm.pseudonym as author_pseudonym',
            'm.role as author_role',
            rankNameOf('m.id').as('author_rank'),
            imagesOf('reply', sql.ref('n.id')).as('images'),
          ])
          .where((w) => w.or([w('n.rn', '>=', first).and('n.rn', '<=', last), w('n.is_solution', '=', true)]))
          .as('p'),
      (join) => join.onTrue(),
    )
    .selectAll('e')
    .selectAll('p')
    .orderBy('p.rn')
    .execute();
  const head = result[0];
  if (!head) throw new Error(`topic ${topic.id}: its author's membership is missing`);
  return {
    extras: {
      pseudonym: head.topic_author_pseudonym,
      role: head.topic_author_role,
      rank: head.topic_author_rank,
      tags: head.topic_tags,
      images: head.topic_images,
    },
    rows: result.filter((row) => row.id !== null) as unknown as ReplyPageRow[],
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
