// The peer-support part of `npm run bench`: 200 topics × 20 replies in one board of Véloce, signed-in
// members to create replies, and the bare baseline's topic query and single-transaction insert.
import { createHmac, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { newId } from '../server/platform/db/ids.ts';
import { type Database, type DatabaseTarget, openDatabase } from '../server/platform/db/database.ts';
import { renderMarkdown } from '../server/platform/text/markdown.ts';

/** The seeded board and its size. */
export const BENCH_BOARD = 'bench-help';
export const BENCH_TOPICS = 200;
export const BENCH_REPLIES_PER_TOPIC = 20;
/** Members who create replies during the run: one per connection, so no member waits on another's lock. */
export const BENCH_POSTERS = 50;

/** What the benchmark needs to address the seeded topics. */
export interface TopicSeed {
  communityId?: string;
  boardId: string;
  topicId: string;
  replyTopicId: string;
  authorId: string;
  cookies: string[];
}

const REPLY_TEXT =
  'Have you tried **resetting** the pairing? Hold the button for ten seconds, then pair again from the app.\n\n' +
  '- check the firmware\n- check the battery\n\nSee [the guide](https://example.test/guide).';

/**
 * Seeds a public questions board of Véloce with 200 topics of 20 published replies each (two tags per
 * topic), in bulk statements; raises Véloce's per-member posting limits so the reply run measures the
 * write path rather than refusals; and opens sessions for 50 ordinary members, returning their signed
 * session cookies (HMAC of the token with the server's secret, as better-auth signs them).
 */
export async function seedTopics(
  database: Database,
  communityId: string,
  sessionSecret: string,
): Promise<TopicSeed> {
  const db = database.db;
  const members = await db
    .selectFrom('memberships')
    .select(['id', 'user_id'])
    .where('community_id', '=', communityId)
    .where('status', '=', 'active')
    .where('role', '=', 'member')
    .orderBy('id')
    .limit(BENCH_POSTERS + 20)
    .execute();
  if (members.length < BENCH_POSTERS + 20) throw new Error('not enough Véloce members to seed topics');
  const boardId = newId();
  await db
    .insertInto('boards')
    .values({
      id: boardId,
      community_id: communityId,
      slug: BENCH_BOARD,
      title: 'Bench questions',
      description: 'Benchmark board',
      kind: 'questions',
      position: 99,
    })
    .execute();
  const authors = members.slice(BENCH_POSTERS);
  const topics = Array.from({ length: BENCH_TOPICS }, (_, i) => ({
    id: newId(),
    author: authors[i % authors.length].id,
    title: `Bench question number ${i}: my bike does not pair with the app`,
    body: `Question ${i}. ${REPLY_TEXT}`,
  }));
  await sql`
    INSERT INTO topics (id, community_id, board_id, author_id, kind, title, body, body_html, replies_count,
                        last_activity_at, created_at, updated_at)
    SELECT id, ${communityId}, ${boardId}, author, 'question', title, body, ${renderMarkdown(REPLY_TEXT)},
           ${BENCH_REPLIES_PER_TOPIC}, now() - (n || ' minutes')::interval, now() - (n || ' hours')::interval, now()
      FROM unnest(${topics.map((t) => t.id)}::uuid[], ${topics.map((t) => t.author)}::uuid[],
                  ${topics.map((t) => t.title)}::text[], ${topics.map((t) => t.body)}::text[])
           WITH ORDINALITY AS t(id, author, title, body, n)`.execute(db);
  const replies = topics.flatMap((topic, i) =>
    Array.from({ length: BENCH_REPLIES_PER_TOPIC }, (_, j) => ({
      id: newId(),
      topic: topic.id,
      author: authors[(i + j + 1) % authors.length].id,
      solution: j === 3,
    })),
  );
  await sql`
    INSERT INTO replies (id, community_id, topic_id, author_id, body, body_html, is_solution, created_at, updated_at)
    SELECT id, ${communityId}, topic, author, ${REPLY_TEXT}, ${renderMarkdown(REPLY_TEXT)}, solution,
           now() - ((100000 - n) || ' seconds')::interval, now()
      FROM unnest(${replies.map((r) => r.id)}::uuid[], ${replies.map((r) => r.topic)}::uuid[],
                  ${replies.map((r) => r.author)}::uuid[], ${replies.map((r) => r.solution)}::boolean[])
           WITH ORDINALITY AS t(id, topic, author, solution, n)`.execute(db);
  await sql`UPDATE topics SET solved = true WHERE board_id = ${boardId}`.execute(db);
  await sql`
    INSERT INTO topic_tags (community_id, topic_id, tag, position)
    SELECT ${communityId}, id, tag, position
      FROM unnest(${topics.map((t) => t.id)}::uuid[]) AS t(id),
           LATERAL (VALUES ('pairing', 0), ('app', 1)) AS v(tag, position)`.execute(db);
  await sql`
    INSERT INTO support_settings (community_id, burst_posts, burst_seconds, hourly_posts, updated_at)
    VALUES (${communityId}, 1000, 1, 10000, now())
    ON CONFLICT (community_id) DO UPDATE SET burst_posts = 1000, burst_seconds = 1, hourly_posts = 10000`.execute(
    db,
  );

  // Sessions for the posters, as better-auth would store and sign them.
  const cookies: string[] = [];
  for (const member of members.slice(0, BENCH_POSTERS)) {
    const token = randomBytes(24).toString('base64url');
    await db
      .insertInto('auth_session')
      .values({
        id: newId(),
        user_id: member.user_id,
        token,
        expires_at: new Date(Date.now() + 86_400_000),
        ip_address: '127.0.0.1',
        user_agent: 'cercle-bench',
        created_at: new Date(),
        updated_at: new Date(),
      })
      .execute();
    const signature = createHmac('sha256', sessionSecret).update(token).digest('base64');
    cookies.push(`cercle.session_token=${encodeURIComponent(`${token}.${signature}`)}`);
  }
  await sql`ANALYZE`.execute(db);
  return {
    boardId,
    topicId: topics[BENCH_TOPICS / 2].id,
    replyTopicId: topics[BENCH_TOPICS / 2 + 1].id,
    authorId: authors[0].id,
    cookies,
  };
}

/**
 * The bare baseline's topic: ONE query in which PostgreSQL builds the same JSON as Cercle's anonymous
 * `getTopic` (topic, author, board, tags, images, solutions, the first 30 replies with their authors
 * and images, page info and an anonymous reader's abilities). `$1` is the topic id.
 */
export const BARE_TOPIC_QUERY = `
  WITH r AS (
    SELECT r.*, m.pseudonym, m.role,
           row_number() OVER (ORDER BY r.created_at, r.id) AS rn, count(*) OVER () AS total
      FROM replies r JOIN memberships m ON m.id = r.author_id
     WHERE r.topic_id = $1 AND r.status = 'published'
  ), reply_json AS (
    SELECT rn, is_solution, total, json_build_object(
      'id', id, 'bodyHtml', body_html, 'bodyText', body, 'status', status, 'isSolution', is_solution,
      'kudosCount', kudos_count, 'inReplyToId', in_reply_to_id, 'official', false, 'editedAt', null,
      'author', json_build_object('id', author_id, 'pseudonym', pseudonym, 'role', role),
      'createdAt', to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'images', '[]'::json,
      'abilities', json_build_object('give', false, 'acceptSolution', false)) AS j
      FROM r WHERE rn <= 30 OR is_solution
  )
  SELECT json_build_object(
    'id', t.id, 'boardId', t.board_id, 'kind', t.kind, 'title', t.title, 'status', t.status,
    'locked', t.locked, 'pinned', t.pinned, 'solved', t.solved, 'repliesCount', t.replies_count,
    'kudosCount', t.kudos_count,
    'author', json_build_object('id', t.author_id, 'pseudonym', m.pseudonym, 'role', m.role),
    'createdAt', to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'lastActivityAt', to_char(t.last_activity_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'tags', ARRAY(SELECT tag FROM topic_tags WHERE topic_id = t.id ORDER BY position),
    'bodyHtml', t.body_html, 'bodyText', t.body,
    'board', json_build_object('id', b.id, 'slug', b.slug, 'title', b.title, 'visibility', b.visibility),
    'images', '[]'::json,
    'solutions', coalesce((SELECT json_agg(j ORDER BY rn) FROM reply_json WHERE is_solution), '[]'::json),
    'replies', coalesce((SELECT json_agg(j ORDER BY rn) FROM reply_json WHERE rn <= 30), '[]'::json),
    'page', json_build_object('number', 1, 'size', 30,
      'count', greatest(1, ceil(coalesce((SELECT max(total) FROM reply_json), 0) / 30.0)),
      'totalReplies', coalesce((SELECT max(total) FROM reply_json), 0)),
    'abilities', json_build_object('view', true, 'reply', false, 'acceptSolution', false,
      'moderate', false, 'giveKudos', false)) AS topic
    FROM topics t
    JOIN boards b ON b.id = t.board_id
    JOIN communities c ON c.id = t.community_id
    JOIN memberships m ON m.id = t.author_id
   WHERE t.id = $1 AND t.status = 'published' AND b.visibility = 'public' AND c.visibility = 'public'`;

/**
 * The bare baseline's reply: one transaction inserting the reply (its Markdown rendered the same way)
 * and counting it on its topic. Insert: `$1` id, `$2` community, `$3` topic, `$4` author, `$5` body,
 * `$6` HTML; update: `$1` topic.
 */
export const BARE_REPLY_STATEMENTS = [
  `INSERT INTO replies (id, community_id, topic_id, author_id, body, body_html)
   VALUES ($1, $2, $3, $4, $5, $6)
   RETURNING id, topic_id, author_id, body_html, status, created_at`,
  `UPDATE topics SET replies_count = replies_count + 1, last_activity_at = now() WHERE id = $1`,
] as const;

/** Opens a seeded database (PostgreSQL or PGlite), seeds the topics into Véloce, and closes it. */
export async function seedTopicsIn(target: DatabaseTarget, sessionSecret: string): Promise<TopicSeed> {
  const database = await openDatabase(target);
  try {
    const veloce = await database.db
      .selectFrom('communities')
      .select('id')
      .where('slug', '=', 'veloce')
      .executeTakeFirstOrThrow();
    return { ...(await seedTopics(database, veloce.id, sessionSecret)), communityId: veloce.id };
  } finally {
    await database.close();
  }
}
