import { type RawBuilder, sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import type { LiveMessageTable, LiveReaction } from '../../platform/db/schema-live.ts';
import type { Insertable } from 'kysely';

/**
 * Takes the session's next room sequence number. The counter row stays locked until the transaction
 * ends, so numbers are given in commit order and never twice (the unique `(session_id, seq)` backs it).
 */
export async function takeSeq(db: Queryable, sessionId: string) {
  const row = await db
    .updateTable('live_sessions')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
    .where('id', '=', sessionId)
    .returning(['last_seq', 'status'])
    .executeTakeFirstOrThrow();
  return { seq: Number(row.last_seq), status: row.status };
}

/** Stores one numbered room entry. */
export async function insertEntry(db: Queryable, values: Insertable<LiveMessageTable>): Promise<void> {
  await db.insertInto('live_messages').values(values).execute();
}

const entryColumns = [
  'e.id',
  'e.session_id',
  'e.seq',
  'e.kind',
  'e.author_member_id',
  'e.author_role',
  'e.body',
  'e.item_id',
  'e.choice',
  'e.reply_to_seq',
  'e.target_seq',
  'e.private_member_id',
  'e.deleted_at',
  'e.created_at',
  'a.pseudonym as author_pseudonym',
  'pm.pseudonym as private_pseudonym',
  'i.blind as item_blind',
  'i.revealed_at as item_revealed_at',
  'i.kind as item_kind',
  'i.question_type as item_question_type',
  'i.options as item_options',
  'e.community_id',
  'md.id as media_id',
  'md.kind as media_kind',
  'md.content_type as media_content_type',
  'md.alt as media_alt',
  'md.width as media_width',
  'md.height as media_height',
] as const;

function entries(db: Queryable) {
  return db
    .selectFrom('live_messages as e')
    .leftJoin('memberships as a', 'a.id', 'e.author_member_id')
    .leftJoin('memberships as pm', 'pm.id', 'e.private_member_id')
    .leftJoin('live_guide_items as i', 'i.id', 'e.item_id')
    .leftJoin('live_media as md', 'md.id', 'i.media_id')
    .select(entryColumns);
}

/** A stored room entry with what presenting it needs (pseudonyms, the blind state of its question). */
export type EntryRow = NonNullable<Awaited<ReturnType<typeof findEntry>>>;

/** One room entry by sequence number. */
export async function findEntry(db: Queryable, sessionId: string, seq: number) {
  return entries(db).where('e.session_id', '=', sessionId).where('e.seq', '=', seq).executeTakeFirst();
}

/**
 * The number of the entry a user already sent in a session with this client id (a resend after a lost
 * acknowledgement), found by the user rather than the membership so that it can run alongside the room's load.
 */
export async function findSeqByClientId(
  db: Queryable,
  sessionId: string,
  userId: string,
  clientId: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('live_messages as e')
    .innerJoin('memberships as m', 'm.id', 'e.author_member_id')
    .select('e.seq')
    .where('e.session_id', '=', sessionId)
    .where('e.client_id', '=', clientId)
    .where('m.user_id', '=', userId)
    .executeTakeFirst();
  return row ? Number(row.seq) : undefined;
}

/** What a new room entry stores besides its number and session (which `appendLiveEntry` fills in). */
export type NewEntry = Omit<Insertable<LiveMessageTable>, 'id' | 'seq' | 'community_id' | 'session_id'>;

/** Who sends a room entry through the socket's fast path, as `live.join` found them (see `senderMayPost`). */
export interface KnownSender {
  sessionId: string;
  userId: string;
  memberId: string | null;
  role: 'moderator' | 'participant';
  platformAdmin: boolean;
  clientId: string;
  replyToSeq: number | null;
  /** A participant's rate window: entries since then count against `rateLimit`. */
  since: Date;
  rateLimit: number;
}

/**
 * `livePolicy`'s conditions for writing in the room, as a condition on the `live_sessions` row that
 * `appendLiveEntry` updates, read in the same statement as the append (nothing remembered can let a sender
 * in): a moderator is a platform admin, or an active member who is a community admin or moderator or the
 * session's moderator; a participant is an active member, not on the session's staff, admitted and not
 * muted, under the rate limit. Also: the entry replied to exists, and the sender has not already sent this
 * client id (a resend, which the full path answers with the first seq).
 */
export function senderMayPost(k: KnownSender): RawBuilder<boolean> {
  const member = k.memberId;
  const isModerator = k.platformAdmin
    ? sql<boolean>`true`
    : sql<boolean>`exists (
        select 1 from memberships m
        where m.id = ${member}::uuid and m.user_id = ${k.userId}::uuid
          and m.community_id = live_sessions.community_id and m.status = 'active'
          and (m.role in ('admin', 'moderator') or exists (
            select 1 from live_staff st
            where st.session_id = live_sessions.id and st.member_id = m.id and st.role = 'moderator')))`;
  const isParticipant = sql<boolean>`exists (
      select 1 from memberships m
      join live_participants p on p.member_id = m.id and p.session_id = live_sessions.id
      where m.id = ${member}::uuid and m.user_id = ${k.userId}::uuid
        and m.community_id = live_sessions.community_id and m.status = 'active'
        and p.attendance = 'admitted' and not p.muted
        and not exists (select 1 from live_staff st where st.session_id = live_sessions.id and st.member_id = m.id))
    and (select count(*) from live_messages r
      where r.session_id = live_sessions.id and r.author_member_id = ${member}::uuid
        and r.created_at > ${k.since}) < ${k.rateLimit}`;
  const repliedTo =
    k.replyToSeq === null
      ? sql<boolean>`true`
      : sql<boolean>`exists (
          select 1 from live_messages r where r.session_id = live_sessions.id and r.seq = ${k.replyToSeq}::bigint)`;
  const fresh =
    member === null
      ? sql<boolean>`true`
      : sql<boolean>`not exists (
          select 1 from live_messages r
          where r.session_id = live_sessions.id and r.author_member_id = ${member}::uuid
            and r.client_id = ${k.clientId}::text)`;
  return sql<boolean>`(${k.role === 'moderator' ? isModerator : isParticipant}) and ${repliedTo} and ${fresh}`;
}

/**
 * Numbers, stores and reads back one entry of a **live** session in a single statement, with no explicit
 * transaction: the counter's `UPDATE … RETURNING` (as in `takeSeq`) locks the session row until the statement
 * commits, so numbers still follow commit order and are never given twice. The parameters are cast to their
 * columns' types (an `INSERT … SELECT` does not infer them). Returns the row as `findEntry` reads it, or
 * undefined, writing nothing, when the session is not `live` or `guard` (a condition on the session row, see
 * `senderMayPost`) does not hold.
 */
export async function appendLiveEntry(
  db: Queryable,
  session: { id: string },
  id: string,
  v: NewEntry,
  guard: RawBuilder<boolean> = sql<boolean>`true`,
): Promise<EntryRow | undefined> {
  const uuid = (value: string | null | undefined) => sql<string | null>`${value ?? null}::uuid`;
  const bigint = (value: number | null | undefined) => sql<number | null>`${value ?? null}::bigint`;
  const text = (value: string | null | undefined) => sql<string | null>`${value ?? null}::text`;
  const choice =
    v.choice === undefined || v.choice === null
      ? null
      : typeof v.choice === 'string'
        ? v.choice
        : JSON.stringify(v.choice);
  return db
    .with('s', (qb) =>
      qb
        .updateTable('live_sessions')
        .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
        .where('id', '=', session.id)
        .where('status', '=', 'live')
        .where(guard)
        .returning(['last_seq', 'community_id']),
    )
    .with('e', (qb) =>
      qb
        .insertInto('live_messages')
        .columns([
          'id',
          'community_id',
          'session_id',
          'seq',
          'kind',
          'author_member_id',
          'author_role',
          'body',
          'item_id',
          'choice',
          'reply_to_seq',
          'target_seq',
          'private_member_id',
          'client_id',
        ])
        .expression((eb) =>
          eb
            .selectFrom('s')
            .select([
              uuid(id).as('id'),
              's.community_id',
              uuid(session.id).as('session_id'),
              's.last_seq as seq',
              text(v.kind).as('kind'),
              uuid(v.author_member_id).as('author_member_id'),
              text(v.author_role).as('author_role'),
              text(v.body).as('body'),
              uuid(v.item_id).as('item_id'),
              sql<string | null>`${choice}::jsonb`.as('choice'),
              bigint(v.reply_to_seq).as('reply_to_seq'),
              bigint(v.target_seq).as('target_seq'),
              uuid(v.private_member_id).as('private_member_id'),
              text(v.client_id).as('client_id'),
            ]),
        )
        .returningAll(),
    )
    .selectFrom('e')
    .leftJoin('memberships as a', 'a.id', 'e.author_member_id')
    .leftJoin('memberships as pm', 'pm.id', 'e.private_member_id')
    .leftJoin('live_guide_items as i', 'i.id', 'e.item_id')
    .leftJoin('live_media as md', 'md.id', 'i.media_id')
    .select(entryColumns)
    .executeTakeFirst();
}

/** Room entries after `afterSeq`, in order (at most `limit`). */
export async function listEntries(db: Queryable, sessionId: string, afterSeq: number, limit: number) {
  return entries(db)
    .where('e.session_id', '=', sessionId)
    .where('e.seq', '>', afterSeq)
    .orderBy('e.seq')
    .limit(limit)
    .execute();
}

/** The answers to one question, in order. */
export async function listAnswers(db: Queryable, sessionId: string, itemId: string) {
  return entries(db)
    .where('e.session_id', '=', sessionId)
    .where('e.item_id', '=', itemId)
    .where('e.kind', '=', 'answer')
    .orderBy('e.seq')
    .execute();
}

/** The members who answered a question. */
export async function listAnswerers(db: Queryable, itemId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('live_messages')
    .select('author_member_id')
    .distinct()
    .where('item_id', '=', itemId)
    .where('kind', '=', 'answer')
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((r) => r.author_member_id).filter((id): id is string => !!id);
}

/** The questions a member answered among a session's entries (what they may see of blind questions). */
export async function listAnsweredItems(
  db: Queryable,
  sessionId: string,
  memberId: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('live_messages')
    .select('item_id')
    .distinct()
    .where('session_id', '=', sessionId)
    .where('author_member_id', '=', memberId)
    .where('kind', '=', 'answer')
    .execute();
  return new Set(rows.map((r) => r.item_id).filter((id): id is string => !!id));
}

/** How many entries a member wrote in the session since `since` (rate limits). */
export async function countRecentEntries(db: Queryable, sessionId: string, memberId: string, since: Date) {
  const row = await db
    .selectFrom('live_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('session_id', '=', sessionId)
    .where('author_member_id', '=', memberId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks an entry deleted (its text is no longer sent to anyone but kept for the staff transcript). */
export async function markEntryDeleted(db: Queryable, sessionId: string, seq: number): Promise<void> {
  await db
    .updateTable('live_messages')
    .set({ deleted_at: sql<Date>`now()` })
    .where('session_id', '=', sessionId)
    .where('seq', '=', seq)
    .execute();
}

/** Adds a reaction (idempotent); returns whether it was new. */
export async function insertReaction(
  db: Queryable,
  values: { message_id: string; member_id: string; session_id: string; reaction: LiveReaction },
): Promise<boolean> {
  const rows = await db
    .insertInto('live_reactions')
    .values(values)
    .onConflict((oc) => oc.doNothing())
    .returning('message_id')
    .execute();
  return rows.length > 0;
}

/** Reaction counts per message of a session, for the messages given. */
export async function reactionCounts(db: Queryable, messageIds: string[]) {
  if (messageIds.length === 0) return [];
  return db
    .selectFrom('live_reactions')
    .select(['message_id', 'reaction', (eb) => eb.fn.countAll<number>().as('n')])
    .where('message_id', 'in', messageIds)
    .groupBy(['message_id', 'reaction'])
    .execute();
}

/** Every room entry of a session, in order (the staff transcript; at most 20,000). */
export async function listAllEntries(db: Queryable, sessionId: string) {
  return entries(db)
    .select('e.body as stored_body')
    .where('e.session_id', '=', sessionId)
    .orderBy('e.seq')
    .limit(20_000)
    .execute();
}

/** A session's participant by membership id, with their pseudonym (undefined when not invited). */
export async function findParticipantWithPseudonym(db: Queryable, sessionId: string, memberId: string) {
  return db
    .selectFrom('live_participants as p')
    .innerJoin('memberships as m', 'm.id', 'p.member_id')
    .select(['p.member_id', 'm.pseudonym', 'p.attendance'])
    .where('p.session_id', '=', sessionId)
    .where('p.member_id', '=', memberId)
    .executeTakeFirst();
}
