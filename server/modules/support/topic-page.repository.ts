import { type RawBuilder, sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import type { PostStatus } from '../../platform/db/schema.ts';
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

/**
 * What a topic page needs besides the topic row, in one query: the author's pseudonym and role, the
 * topic's tags and its images.
 */
export async function findTopicExtras(db: Queryable, topic: { id: string; author_id: string }) {
  return db
    .selectFrom('memberships as m')
    .select([
      'm.pseudonym',
      'm.role',
      rankNameOf('m.id').as('rank'),
      sql<
        string[]
      >`ARRAY(SELECT tt.tag FROM topic_tags tt WHERE tt.topic_id = ${topic.id} ORDER BY tt.position)`.as(
        'tags',
      ),
      imagesOf('topic', sql`${topic.id}::uuid`).as('images'),
    ])
    .where('m.id', '=', topic.author_id)
    .executeTakeFirstOrThrow();
}

/**
 * One page of a topic's replies in the given statuses (and `ownPendingOf`'s pending ones), oldest
 * first, with their authors and images, plus every accepted solution wherever it sits; each row carries its rank (`rn`) and the number of
 * visible replies (`total`). One query; `replies_topic_idx` serves it.
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
  return db
    .with('numbered', (qb) =>
      qb
        .selectFrom('replies as r')
        .selectAll('r')
        .select([
          sql<number>`(row_number() OVER (ORDER BY r.created_at, r.id))::int`.as('rn'),
          sql<number>`(count(*) OVER ())::int`.as('total'),
        ])
        .where('r.topic_id', '=', topicId)
        .where((eb) => {
          const shown = eb('r.status', 'in', statuses);
          // The viewer's own pending replies too, marked as such on the page.
          if (!ownPendingOf) return shown;
          return eb.or([shown, eb('r.status', '=', 'pending').and('r.author_id', '=', ownPendingOf)]);
        }),
    )
    .selectFrom('numbered as n')
    .innerJoin('memberships as m', 'm.id', 'n.author_id')
    .selectAll('n')
    .select([
      'm.pseudonym as author_pseudonym',
      'm.role as author_role',
      rankNameOf('m.id').as('author_rank'),
      imagesOf('reply', sql.ref('n.id')).as('images'),
    ])
    .where((eb) => eb.or([eb('n.rn', '>=', first).and('n.rn', '<=', last), eb('n.is_solution', '=', true)]))
    .orderBy('n.rn')
    .execute();
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
