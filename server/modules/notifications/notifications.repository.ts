import { type Insertable, sql } from 'kysely';
import { cursorTime } from '../../platform/db/cursor-time.ts';
import type { Queryable } from '../../platform/db/database.ts';
import type {
  BoardKind,
  BoardVisibility,
  CommunityRole,
  CommunityVisibility,
  JoinPolicy,
  MembershipStatus,
  NotificationKind,
  NotificationTable,
  TopicRow,
} from '../../platform/db/schema.ts';

/** A topic with its board and community: what deciding who hears about it needs. */
export interface TopicContext extends TopicRow {
  board_slug: string;
  board_title: string;
  board_visibility: BoardVisibility;
  board_posting: 'members' | 'staff';
  board_kind: BoardKind;
  board_premoderation: boolean;
  community_slug: string;
  community_name: string;
  community_visibility: CommunityVisibility;
  community_join_policy: JoinPolicy;
  community_locale: string;
}

/** A topic by its (global) id, with its board and community. */
export async function findTopicContext(db: Queryable, topicId: string): Promise<TopicContext | undefined> {
  return db
    .selectFrom('topics as t')
    .innerJoin('boards as b', 'b.id', 't.board_id')
    .innerJoin('communities as c', 'c.id', 't.community_id')
    .selectAll('t')
    .select([
      'b.slug as board_slug',
      'b.title as board_title',
      'b.visibility as board_visibility',
      'b.posting as board_posting',
      'b.kind as board_kind',
      'b.premoderation as board_premoderation',
      'c.slug as community_slug',
      'c.name as community_name',
      'c.visibility as community_visibility',
      'c.join_policy as community_join_policy',
      'c.default_locale as community_locale',
    ])
    .where('t.id', '=', topicId)
    .executeTakeFirst();
}

/** A post's body, author and status: a topic's or a reply's. */
export async function findPost(db: Queryable, type: 'topic' | 'reply', id: string) {
  if (type === 'topic') {
    return db
      .selectFrom('topics as p')
      .innerJoin('memberships as m', 'm.id', 'p.author_id')
      .select(['p.id', 'p.body', 'p.status', 'p.author_id', 'm.pseudonym'])
      .where('p.id', '=', id)
      .executeTakeFirst();
  }
  return db
    .selectFrom('replies as p')
    .innerJoin('memberships as m', 'm.id', 'p.author_id')
    .select(['p.id', 'p.body', 'p.status', 'p.author_id', 'm.pseudonym'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

/** A published reply with its author's public face, for live delivery. */
export async function findPublishedReply(db: Queryable, replyId: string) {
  return db
    .selectFrom('replies as r')
    .innerJoin('memberships as m', 'm.id', 'r.author_id')
    .select([
      'r.id',
      'r.topic_id',
      'r.body_html',
      'r.in_reply_to_id',
      'r.is_solution',
      'r.created_at',
      'r.author_id',
      'm.pseudonym as author_pseudonym',
      'm.role as author_role',
    ])
    .where('r.id', '=', replyId)
    .where('r.status', '=', 'published')
    .executeTakeFirst();
}

/** A member who may receive a notification: membership facts and the account's address and language. */
export interface Recipient {
  memberId: string;
  userId: string;
  role: CommunityRole;
  status: MembershipStatus;
  pseudonym: string;
  email: string;
  locale: string | null;
  isPlatformAdmin: boolean;
}

function recipients(db: Queryable, communityId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('auth_user as u', 'u.id', 'm.user_id')
    .select([
      'm.id as memberId',
      'm.user_id as userId',
      'm.role as role',
      'm.status as status',
      'm.pseudonym as pseudonym',
      'u.email as email',
      'u.locale as locale',
      'u.is_platform_admin as isPlatformAdmin',
    ])
    .where('m.community_id', '=', communityId)
    .where('m.status', '=', 'active');
}

/** The active members of a community with these ids. */
export async function findRecipientsByIds(db: Queryable, communityId: string, memberIds: string[]) {
  if (memberIds.length === 0) return [];
  return recipients(db, communityId).where('m.id', 'in', memberIds).execute() as Promise<Recipient[]>;
}

/** The active members of a community whose pseudonym keys are among `keys`. */
export async function findRecipientsByPseudonymKeys(db: Queryable, communityId: string, keys: string[]) {
  if (keys.length === 0) return [];
  return recipients(db, communityId).where('m.pseudonym_key', 'in', keys).execute() as Promise<Recipient[]>;
}

/** The active members following one of the targets. */
export async function findFollowers(
  db: Queryable,
  communityId: string,
  targets: { type: 'topic' | 'board'; id: string }[],
): Promise<Recipient[]> {
  return recipients(db, communityId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('follows as f')
          .select('f.member_id')
          .whereRef('f.member_id', '=', 'm.id')
          .where('f.following', '=', true)
          .where((inner) =>
            inner.or(
              targets.map((t) =>
                inner.and([inner('f.target_type', '=', t.type), inner('f.target_id', '=', t.id)]),
              ),
            ),
          ),
      ),
    )
    .execute();
}

/** Follows a target unless the member already has a choice about it (an explicit unfollow stays). */
export async function followIfUndecided(
  db: Queryable,
  row: { community_id: string; member_id: string; target_type: 'topic' | 'board'; target_id: string },
): Promise<void> {
  await db
    .insertInto('follows')
    .values(row)
    .onConflict((oc) => oc.columns(['member_id', 'target_type', 'target_id']).doNothing())
    .execute();
}

/** Records a member's explicit choice to follow or not a target. */
export async function setFollow(
  db: Queryable,
  row: { community_id: string; member_id: string; target_type: 'topic' | 'board'; target_id: string },
  following: boolean,
): Promise<void> {
  await db
    .insertInto('follows')
    .values({ ...row, following })
    .onConflict((oc) =>
      oc
        .columns(['member_id', 'target_type', 'target_id'])
        .doUpdateSet({ following, updated_at: sql`now()` }),
    )
    .execute();
}

/** A member's choice about a target: following, unfollowed, or null when they never chose. */
export async function findFollowChoice(
  db: Queryable,
  memberId: string,
  targetType: 'topic' | 'board',
  targetId: string,
): Promise<boolean | null> {
  const row = await db
    .selectFrom('follows')
    .select('following')
    .where('member_id', '=', memberId)
    .where('target_type', '=', targetType)
    .where('target_id', '=', targetId)
    .executeTakeFirst();
  return row?.following ?? null;
}

/** Whether a member follows a target. */
export async function isFollowing(
  db: Queryable,
  memberId: string,
  targetType: 'topic' | 'board',
  targetId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('follows')
    .select('following')
    .where('member_id', '=', memberId)
    .where('target_type', '=', targetType)
    .where('target_id', '=', targetId)
    .executeTakeFirst();
  return row?.following ?? false;
}

/** A notification row as `insertNotifications` writes it (its id chosen by the caller). */
export type NotificationInsert = Omit<Insertable<NotificationTable>, 'read_at' | 'created_at'>;

/** Inserts a notification once per (source, recipient); returns its id, or null when it already exists. */
export async function insertNotification(db: Queryable, row: NotificationInsert): Promise<string | null> {
  const inserted = await insertNotifications(db, [row]);
  return inserted.has(row.recipient_id) ? row.id : null;
}

/**
 * Inserts several notifications in one statement, skipping those that already exist (one per source and
 * recipient); returns the recipient (membership) ids of the rows written.
 */
export async function insertNotifications(db: Queryable, rows: NotificationInsert[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await db
    .insertInto('notifications')
    .values(rows)
    .onConflict((oc) => oc.columns(['source_key', 'recipient_id']).doNothing())
    .returning('recipient_id')
    .execute();
  return new Set(inserted.map((row) => row.recipient_id));
}

/** The kinds an account turned email off for. */
export async function findDisabledEmailKinds(db: Queryable, userId: string): Promise<Set<NotificationKind>> {
  const rows = await db
    .selectFrom('email_preferences')
    .select('kind')
    .where('user_id', '=', userId)
    .where('enabled', '=', false)
    .execute();
  return new Set(rows.map((r) => r.kind));
}

/** Of these accounts, those who turned email off for one kind (one query for a whole delivery). */
export async function findUsersWithEmailOff(
  db: Queryable,
  userIds: string[],
  kind: NotificationKind,
): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('email_preferences')
    .select('user_id')
    .where('user_id', 'in', userIds)
    .where('kind', '=', kind)
    .where('enabled', '=', false)
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

/** Turns emails of some kinds on or off for an account. */
export async function setEmailPreferences(
  db: Queryable,
  userId: string,
  choices: { kind: NotificationKind; enabled: boolean }[],
): Promise<void> {
  if (choices.length === 0) return;
  await db
    .insertInto('email_preferences')
    .values(choices.map((c) => ({ user_id: userId, kind: c.kind, enabled: c.enabled })))
    .onConflict((oc) =>
      oc
        .columns(['user_id', 'kind'])
        .doUpdateSet((eb) => ({ enabled: eb.ref('excluded.enabled'), updated_at: sql`now()` })),
    )
    .execute();
}

/** The users who received notifications from one source, with their unread counts. */
export async function unreadCountsOfSource(db: Queryable, sourceKey: string) {
  return db
    .selectFrom('notifications as n')
    .select((eb) => [
      'n.user_id',
      eb
        .selectFrom('notifications as u')
        .select(eb.fn.countAll<string>().as('c'))
        .whereRef('u.user_id', '=', 'n.user_id')
        .where('u.read_at', 'is', null)
        .as('unread'),
    ])
    .where('n.source_key', '=', sourceKey)
    .execute();
}

/** An account's unread notifications count. */
export async function countUnread(db: Queryable, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('c'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.c);
}

/** One page of an account's notifications, newest first, with their topic and community. */
export async function listNotificationRows(
  db: Queryable,
  userId: string,
  options: { limit: number; after: [string, string] | null; unreadOnly: boolean },
) {
  let query = db
    .selectFrom('notifications as n')
    .innerJoin('communities as c', 'c.id', 'n.community_id')
    .leftJoin('topics as t', 't.id', 'n.topic_id')
    .select([
      'n.id',
      'n.kind',
      'n.topic_id',
      'n.reply_id',
      'n.actor_pseudonym',
      'n.link_path',
      'n.params',
      'n.read_at',
      'n.created_at',
      cursorTime('n.created_at').as('cursor_at'),
      'n.community_id',
      'c.slug as community_slug',
      'c.name as community_name',
      't.title as topic_title',
    ])
    .where('n.user_id', '=', userId);
  if (options.unreadOnly) query = query.where('n.read_at', 'is', null);
  if (options.after) {
    const [createdAt, id] = options.after;
    query = query.where(sql<boolean>`(n.created_at, n.id) < (${createdAt}::timestamptz, ${id}::uuid)`);
  }
  return query
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(options.limit + 1)
    .execute();
}

/** A notification row of an account. */
export type NotificationListRow = Awaited<ReturnType<typeof listNotificationRows>>[number];

/** Marks an account's notifications read: the given ids, or all of them; returns how many changed. */
export async function markRead(db: Queryable, userId: string, ids: string[] | null): Promise<number> {
  let query = db
    .updateTable('notifications')
    .set({ read_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids) query = query.where('id', 'in', ids);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Questions due for a solution reminder: published, unsolved, answered by someone else long enough ago. */
export async function findDueReminders(db: Queryable, defaultHours: number, limit: number) {
  return db
    .selectFrom('topics as t')
    .leftJoin('support_settings as s', 's.community_id', 't.community_id')
    .select(['t.id', 't.community_id', 't.author_id'])
    .where('t.kind', '=', 'question')
    .where('t.status', '=', 'published')
    .where('t.solved', '=', false)
    .where(sql<boolean>`coalesce(s.solution_reminder_hours, ${defaultHours}) > 0`)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('solution_reminders as sr')
            .select('sr.topic_id')
            .whereRef('sr.topic_id', '=', 't.id'),
        ),
      ),
    )
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('replies as r')
          .select('r.id')
          .whereRef('r.topic_id', '=', 't.id')
          .where('r.status', '=', 'published')
          .whereRef('r.author_id', '<>', 't.author_id')
          .where(
            'r.created_at',
            '<=',
            sql<Date>`now() - make_interval(hours => coalesce(s.solution_reminder_hours, ${defaultHours}))`,
          ),
      ),
    )
    .orderBy('t.id')
    .limit(limit)
    .execute();
}

/** Records a question's reminder; false when it was already recorded (another sweep got it). */
export async function claimReminder(db: Queryable, topicId: string, communityId: string): Promise<boolean> {
  const row = await db
    .insertInto('solution_reminders')
    .values({ topic_id: topicId, community_id: communityId })
    .onConflict((oc) => oc.column('topic_id').doNothing())
    .returning('topic_id')
    .executeTakeFirst();
  return !!row;
}

/** A community's slug, name and language: what a notification's link and email need. */
export async function findCommunityFacts(db: Queryable, communityId: string) {
  return db
    .selectFrom('communities')
    .select(['id', 'slug', 'name', 'default_locale'])
    .where('id', '=', communityId)
    .executeTakeFirst();
}
