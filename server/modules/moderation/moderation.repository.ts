import { type Insertable, sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import { isUuid } from '../../platform/db/ids.ts';
import type { FlagTable, ModerationAction, PostStatus } from '../../platform/db/schema.ts';
import type { SupportSettings } from '../support/support-settings.ts';
import type { QueueFilterValue } from './moderation.schemas.ts';

/** A topic or a reply as moderation sees it. */
export interface ModeratedPost {
  target_type: 'topic' | 'reply';
  id: string;
  topic_id: string;
  author_id: string;
  status: PostStatus;
  is_solution: boolean;
  /** For a topic merged into another: that topic (a merged topic stays deleted). */
  merged_into_id: string | null;
}

/**
 * A post of a community by type and id, locked for update when `lock` is set (inside a transaction), so
 * two moderators acting on one post at once see each other's change. Another community's post is not found.
 */
export async function findModeratedPost(
  db: Queryable,
  communityId: string,
  targetType: 'topic' | 'reply',
  targetId: string,
  lock = false,
): Promise<ModeratedPost | undefined> {
  if (!isUuid(targetId)) return undefined;
  if (targetType === 'topic') {
    let query = db
      .selectFrom('topics')
      .select(['id', 'id as topic_id', 'author_id', 'status', 'merged_into_id'])
      .where('community_id', '=', communityId)
      .where('id', '=', targetId);
    if (lock) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    return row && { ...row, target_type: 'topic', is_solution: false };
  }
  let query = db
    .selectFrom('replies')
    .select(['id', 'topic_id', 'author_id', 'status', 'is_solution'])
    .where('community_id', '=', communityId)
    .where('id', '=', targetId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && { ...row, target_type: 'reply', merged_into_id: null };
}

/** Changes a post's status (and its `updated_at`, the time it entered the hidden or deleted lists). */
export async function setPostStatus(db: Queryable, post: ModeratedPost, status: PostStatus): Promise<void> {
  await db
    .updateTable(post.target_type === 'topic' ? 'topics' : 'replies')
    .set({ status, updated_at: sql<Date>`now()` })
    .where('id', '=', post.id)
    .execute();
}

/** Bumps a topic's activity (a topic approved out of the queue appears as new). */
export async function bumpTopicActivity(db: Queryable, topicId: string): Promise<void> {
  await db
    .updateTable('topics')
    .set({ last_activity_at: sql<Date>`now()` })
    .where('id', '=', topicId)
    .execute();
}

/** Inserts a flag; a second open flag of one member on one item raises `flags_one_open_per_member_idx`. */
export async function insertFlag(db: Queryable, values: Insertable<FlagTable>) {
  return db.insertInto('flags').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Resolves the open flags of a post with the moderator's action; returns how many were open. */
export async function resolveOpenFlags(
  db: Queryable,
  communityId: string,
  post: Pick<ModeratedPost, 'target_type' | 'id'>,
  resolution: ModerationAction,
): Promise<number> {
  const rows = await db
    .updateTable('flags')
    .set({ status: 'resolved', resolution, resolved_at: sql<Date>`now()` })
    .where('community_id', '=', communityId)
    .where('target_type', '=', post.target_type)
    .where('target_id', '=', post.id)
    .where('status', '=', 'open')
    .returning('id')
    .execute();
  return rows.length;
}

/** One row of the moderation queue: the post, its topic, board and author, and its open flags' counts. */
export interface QueueRow {
  target_type: 'topic' | 'reply';
  id: string;
  status: PostStatus;
  topic_id: string;
  topic_title: string;
  topic_status: PostStatus;
  board_slug: string;
  board_title: string;
  author_id: string;
  author_pseudonym: string;
  author_role: string;
  body: string;
  is_solution: boolean;
  created_at: Date;
  flags_count: number;
  reasons: Record<string, number> | null;
  queued_at: Date;
  queued_key: string;
}

const STATUSES_OF: Record<QueueFilterValue, PostStatus[]> = {
  all: ['pending', 'hidden'],
  pending: ['pending'],
  flagged: [],
  hidden: ['hidden'],
  deleted: ['deleted'],
};

/**
 * A page of a community's moderation queue, oldest first: posts in the filter's statuses and, for
 * `flagged` and `all`, posts with open flags, each with its topic, board, author and open flags by
 * reason. A post waits in the queue from its first open flag, else from its last status change. `after`
 * is the last (queued_at, id) seen; `only` narrows to one post. Written with the `sql` template: a union
 * over topics and replies with a computed sort key, which the builder cannot say.
 */
export async function listQueueRows(
  db: Queryable,
  communityId: string,
  page: {
    filter: QueueFilterValue;
    limit: number;
    after: [string, string] | null;
    only?: { targetType: 'topic' | 'reply'; id: string };
  },
): Promise<QueueRow[]> {
  const statuses = STATUSES_OF[page.filter];
  const withFlagged = page.filter === 'flagged' || page.filter === 'all';
  const wanted = (alias: 'ti' | 'r', type: 'topic' | 'reply') =>
    page.only
      ? page.only.targetType === type
        ? sql`${sql.ref(`${alias}.id`)} = ${page.only.id}`
        : sql`false`
      : withFlagged
        ? sql`(${sql.ref(`${alias}.status`)} = ANY(${statuses}::text[]) OR ${sql.ref(`${alias}.id`)} IN (SELECT target_id FROM open_flags WHERE target_type = ${type}))`
        : sql`${sql.ref(`${alias}.status`)} = ANY(${statuses}::text[])`;
  const after = page.after
    ? sql`AND (q.queued_at, q.id) > (${page.after[0]}::timestamptz, ${page.after[1]}::uuid)`
    : sql``;
  const result = await sql<QueueRow>`
    WITH open_flags AS (
      SELECT target_type, target_id, sum(n)::int AS flags_count, min(first_at) AS first_flagged_at,
             jsonb_object_agg(reason, n) AS reasons
      FROM (
        SELECT target_type, target_id, reason, count(*)::int AS n, min(created_at) AS first_at
        FROM flags WHERE community_id = ${communityId} AND status = 'open'
        GROUP BY target_type, target_id, reason
      ) g
      GROUP BY target_type, target_id
    ),
    items AS (
      SELECT 'topic'::text AS target_type, ti.id, ti.status, ti.id AS topic_id, ti.title AS topic_title,
             ti.status AS topic_status, ti.board_id, ti.author_id, left(ti.body, 1000) AS body,
             false AS is_solution, ti.created_at, ti.updated_at
      FROM topics ti WHERE ti.community_id = ${communityId} AND ${wanted('ti', 'topic')}
      UNION ALL
      SELECT 'reply'::text, r.id, r.status, r.topic_id, t.title, t.status, t.board_id, r.author_id,
             left(r.body, 1000), r.is_solution, r.created_at, r.updated_at
      FROM replies r JOIN topics t ON t.id = r.topic_id
      WHERE r.community_id = ${communityId} AND ${wanted('r', 'reply')}
    ),
    q AS (
      SELECT i.*, COALESCE(f.flags_count, 0) AS flags_count, f.reasons,
             COALESCE(f.first_flagged_at, i.updated_at) AS queued_at
      FROM items i
      LEFT JOIN open_flags f ON f.target_type = i.target_type AND f.target_id = i.id
    )
    SELECT q.target_type, q.id, q.status, q.topic_id, q.topic_title, q.topic_status,
           b.slug AS board_slug, b.title AS board_title, q.author_id, m.pseudonym AS author_pseudonym,
           m.role AS author_role, q.body, q.is_solution, q.created_at, q.flags_count, q.reasons, q.queued_at,
           to_char(q.queued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS queued_key
    FROM q
    JOIN boards b ON b.id = q.board_id
    JOIN memberships m ON m.id = q.author_id
    WHERE true ${after}
    ORDER BY q.queued_at, q.id
    LIMIT ${page.limit + 1}
  `.execute(db);
  return result.rows;
}

/** The open flags of some posts of a community, oldest first, with each flagger's pseudonym. */
export async function listOpenFlags(db: Queryable, communityId: string, targetIds: string[]) {
  if (targetIds.length === 0) return [];
  return db
    .selectFrom('flags as f')
    .innerJoin('memberships as m', 'm.id', 'f.flagger_id')
    .select(['f.id', 'f.target_type', 'f.target_id', 'f.reason', 'f.note', 'f.created_at', 'm.pseudonym'])
    .where('f.community_id', '=', communityId)
    .where('f.status', '=', 'open')
    .where('f.target_id', 'in', targetIds)
    .orderBy('f.created_at')
    .orderBy('f.id')
    .execute();
}

/**
 * Locks a member's membership row (posts by one member then count each other) and returns when they
 * joined, how many posts they wrote in the last `burstSeconds` (at most 3600) and in the last hour, and
 * the oldest of those in each window (for Retry-After). `topics_author_created_idx` and
 * `replies_author_created_idx` serve the windows.
 */
export async function lockAndCountRecentPosts(db: Queryable, membershipId: string, burstSeconds: number) {
  const member = await db
    .selectFrom('memberships')
    .select('joined_at')
    .where('id', '=', membershipId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const result = await sql<{
    burst: number;
    hourly: number;
    oldest_burst: Date | null;
    oldest_hourly: Date | null;
    now: Date;
  }>`
    WITH posts AS (
      SELECT created_at FROM topics
      WHERE author_id = ${membershipId} AND created_at > now() - interval '1 hour'
      UNION ALL
      SELECT created_at FROM replies
      WHERE author_id = ${membershipId} AND created_at > now() - interval '1 hour'
    )
    SELECT
      count(*) FILTER (WHERE created_at > now() - make_interval(secs => ${burstSeconds}))::int AS burst,
      count(*)::int AS hourly,
      min(created_at) FILTER (WHERE created_at > now() - make_interval(secs => ${burstSeconds})) AS oldest_burst,
      min(created_at) AS oldest_hourly,
      now() AS now
    FROM posts
  `.execute(db);
  return { joinedAt: member.joined_at, ...result.rows[0] };
}

/** How many published posts (topics and replies) a member wrote, counting no further than `cap`. */
export async function countPublishedPosts(db: Queryable, membershipId: string, cap: number): Promise<number> {
  const result = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (
      (SELECT 1 FROM topics WHERE author_id = ${membershipId} AND status = 'published' LIMIT ${cap})
      UNION ALL
      (SELECT 1 FROM replies WHERE author_id = ${membershipId} AND status = 'published' LIMIT ${cap})
    ) capped
  `.execute(db);
  return result.rows[0].n;
}

/** Creates or changes a community's support settings row; returns nothing (read them back with loadSupportSettings). */
export async function upsertSupportSettings(
  db: Queryable,
  communityId: string,
  settings: SupportSettings,
): Promise<void> {
  const values = {
    case_escalation_hours: settings.caseEscalationHours,
    solution_reminder_hours: settings.solutionReminderHours,
    contact_cost_cents: settings.contactCostCents,
    currency: settings.currency,
    burst_posts: settings.burstPosts,
    burst_seconds: settings.burstSeconds,
    hourly_posts: settings.hourlyPosts,
    newcomer_premoderation: settings.newcomerPremoderation,
    newcomer_days: settings.newcomerDays,
    newcomer_posts: settings.newcomerPosts,
  };
  await db
    .insertInto('support_settings')
    .values({ community_id: communityId, ...values })
    .onConflict((oc) => oc.column('community_id').doUpdateSet({ ...values, updated_at: sql<Date>`now()` }))
    .execute();
}
