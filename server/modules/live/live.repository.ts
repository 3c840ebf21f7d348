import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import { isUuid } from '../../platform/db/ids.ts';
import type {
  LiveAttendance,
  LiveInvitationStatus,
  LiveSessionRow,
  LiveStaffRole,
} from '../../platform/db/schema-live.ts';

/** One session of a community (undefined for an unknown or foreign id). */
export async function findSession(
  db: Queryable,
  communityId: string,
  sessionId: string,
): Promise<LiveSessionRow | undefined> {
  if (!isUuid(sessionId)) return undefined;
  return db
    .selectFrom('live_sessions')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', sessionId)
    .executeTakeFirst();
}

/** A session by id alone (the socket layer, which knows no community slug). */
export async function findSessionById(db: Queryable, sessionId: string): Promise<LiveSessionRow | undefined> {
  if (!isUuid(sessionId)) return undefined;
  return db.selectFrom('live_sessions').selectAll().where('id', '=', sessionId).executeTakeFirst();
}

/** The actor's staff role in a session, if any. */
export async function findStaffRole(
  db: Queryable,
  sessionId: string,
  memberId: string | undefined,
): Promise<LiveStaffRole | null> {
  if (!memberId) return null;
  const row = await db
    .selectFrom('live_staff')
    .select('role')
    .where('session_id', '=', sessionId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row?.role ?? null;
}

/** A member's participant row in a session, if invited. */
export async function findParticipant(db: Queryable, sessionId: string, memberId: string | undefined) {
  if (!memberId) return undefined;
  return db
    .selectFrom('live_participants')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
}

/** Creates a session. */
export async function insertSession(
  db: Queryable,
  values: {
    id: string;
    community_id: string;
    title: string;
    objectives: string;
    starts_at: string;
    duration_minutes: number;
    capacity: number;
    lobby_minutes: number;
    created_by: string;
  },
): Promise<void> {
  await db.insertInto('live_sessions').values(values).execute();
}

/** Changes a session's settings. */
export async function updateSessionRow(
  db: Queryable,
  sessionId: string,
  values: Partial<{
    title: string;
    objectives: string;
    starts_at: string;
    duration_minutes: number;
    capacity: number;
    lobby_minutes: number;
    status: 'cancelled' | 'live' | 'ended';
    started_at: Date;
    ended_at: Date;
  }>,
): Promise<void> {
  await db
    .updateTable('live_sessions')
    .set({ ...values, updated_at: sql<Date>`now()` })
    .where('id', '=', sessionId)
    .execute();
}

/** Locks a session row (status changes that must not race). */
export async function lockSession(db: Queryable, sessionId: string): Promise<LiveSessionRow> {
  return db
    .selectFrom('live_sessions')
    .selectAll()
    .where('id', '=', sessionId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** Memberships of a community among `ids`, with the facts that decide whether they may be staff. */
export async function findMembersByIds(db: Queryable, communityId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('memberships')
    .select(['id', 'role', 'status', 'pseudonym', 'user_id'])
    .where('community_id', '=', communityId)
    .where('id', 'in', ids)
    .execute();
}

/** Replaces a session's staff of one role with `memberIds`. */
export async function replaceStaff(
  db: Queryable,
  session: { id: string; community_id: string },
  role: LiveStaffRole,
  memberIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('live_staff').where('session_id', '=', session.id).where('role', '=', role).execute();
  if (memberIds.length === 0) return;
  await db
    .insertInto('live_staff')
    .values(
      memberIds.map((member_id) => ({
        session_id: session.id,
        community_id: session.community_id,
        member_id,
        role,
      })),
    )
    .onConflict((oc) => oc.columns(['session_id', 'member_id']).doUpdateSet({ role }))
    .execute();
}

/** A session's staff with their pseudonyms, moderators first. */
export async function listStaff(db: Queryable, sessionId: string) {
  return db
    .selectFrom('live_staff as s')
    .innerJoin('memberships as m', 'm.id', 's.member_id')
    .select(['s.member_id', 's.role', 'm.pseudonym'])
    .where('s.session_id', '=', sessionId)
    .orderBy('s.role')
    .orderBy('m.pseudonym_key')
    .execute();
}

/** A session's invited participants with their pseudonyms, in invitation order. */
export async function listParticipants(db: Queryable, sessionId: string) {
  return db
    .selectFrom('live_participants as p')
    .innerJoin('memberships as m', 'm.id', 'p.member_id')
    .select([
      'p.id',
      'p.member_id',
      'm.pseudonym',
      'm.user_id',
      'p.invitation',
      'p.attendance',
      'p.muted',
      'p.responded_at',
      'p.joined_at',
      'p.admitted_at',
      'p.left_at',
    ])
    .where('p.session_id', '=', sessionId)
    .orderBy('p.invited_at')
    .orderBy('p.id')
    .execute();
}

/** Invites members (already invited ones are left as they are); returns the member ids newly invited. */
export async function insertParticipants(
  db: Queryable,
  session: { id: string; community_id: string },
  rows: { id: string; member_id: string }[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insertInto('live_participants')
    .values(rows.map((r) => ({ ...r, session_id: session.id, community_id: session.community_id })))
    .onConflict((oc) => oc.columns(['session_id', 'member_id']).doNothing())
    .returning('member_id')
    .execute();
  return inserted.map((r) => r.member_id);
}

/** Records a participant's answer to the invitation. */
export async function setInvitation(
  db: Queryable,
  participantId: string,
  invitation: Exclude<LiveInvitationStatus, 'invited'>,
): Promise<void> {
  await db
    .updateTable('live_participants')
    .set({ invitation, responded_at: sql<Date>`now()` })
    .where('id', '=', participantId)
    .execute();
}

/** Changes a participant's attendance (and the matching time), or muting. */
export async function setAttendance(
  db: Queryable,
  participantId: string,
  attendance: LiveAttendance,
): Promise<void> {
  const now = sql<Date>`now()`;
  await db
    .updateTable('live_participants')
    .set({
      attendance,
      ...(attendance === 'waiting' ? { joined_at: sql<Date>`coalesce(joined_at, now())` } : {}),
      ...(attendance === 'admitted' ? { admitted_at: sql<Date>`coalesce(admitted_at, now())` } : {}),
      ...(attendance === 'left' || attendance === 'removed' || attendance === 'dismissed'
        ? { left_at: now }
        : {}),
    })
    .where('id', '=', participantId)
    .execute();
}

/** Mutes or unmutes a participant. */
export async function setMuted(db: Queryable, participantId: string, muted: boolean): Promise<void> {
  await db.updateTable('live_participants').set({ muted }).where('id', '=', participantId).execute();
}

/** The number of admitted participants of a session. */
export async function countAdmitted(db: Queryable, sessionId: string): Promise<number> {
  const row = await db
    .selectFrom('live_participants')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('session_id', '=', sessionId)
    .where('attendance', '=', 'admitted')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The sessions of a community a viewer sees, latest first: all of them with `all`, otherwise those the
 * member works on or is invited to (the query scope), with the member's part in each. At most 200.
 */
export async function listSessionRows(
  db: Queryable,
  communityId: string,
  scope: { all: boolean; memberId: string | null },
) {
  const { memberId } = scope;
  let query = db
    .selectFrom('live_sessions as s')
    .leftJoin('live_staff as st', (join) =>
      join
        .onRef('st.session_id', '=', 's.id')
        .on('st.member_id', '=', memberId ?? '00000000-0000-0000-0000-000000000000'),
    )
    .leftJoin('live_participants as p', (join) =>
      join
        .onRef('p.session_id', '=', 's.id')
        .on('p.member_id', '=', memberId ?? '00000000-0000-0000-0000-000000000000'),
    )
    .select([
      's.id',
      's.title',
      's.starts_at',
      's.duration_minutes',
      's.status',
      'st.role as staff_role',
      'p.invitation',
    ])
    .where('s.community_id', '=', communityId);
  if (!scope.all)
    query = query.where((eb) => eb.or([eb('st.role', 'is not', null), eb('p.id', 'is not', null)]));
  return query.orderBy('s.starts_at', 'desc').orderBy('s.id').limit(200).execute();
}

/** The accounts behind memberships (email, language) for invitations and reminders. */
export async function findContacts(db: Queryable, memberIds: readonly string[]) {
  if (memberIds.length === 0) return [];
  return db
    .selectFrom('memberships as m')
    .innerJoin('auth_user as u', 'u.id', 'm.user_id')
    .select(['m.id as member_id', 'u.email', 'u.locale'])
    .where('m.id', 'in', memberIds)
    .execute();
}

/** How many participants a session has invited. */
export async function countInvited(db: Queryable, sessionId: string): Promise<number> {
  const row = await db
    .selectFrom('live_participants')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('session_id', '=', sessionId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Everything that decides what a user may do in a session's room, in one query: the session, its
 * community, the user's membership, staff role and participant row.
 */
export async function findRoomFacts(db: Queryable, sessionId: string, userId: string | null) {
  if (!isUuid(sessionId)) return undefined;
  const user = userId ?? '00000000-0000-0000-0000-000000000000';
  return db
    .selectFrom('live_sessions as s')
    .innerJoin('communities as c', 'c.id', 's.community_id')
    .leftJoin('memberships as m', (join) =>
      join.onRef('m.community_id', '=', 's.community_id').on('m.user_id', '=', user),
    )
    .leftJoin('live_staff as st', (join) =>
      join.onRef('st.session_id', '=', 's.id').onRef('st.member_id', '=', 'm.id'),
    )
    .leftJoin('live_participants as p', (join) =>
      join.onRef('p.session_id', '=', 's.id').onRef('p.member_id', '=', 'm.id'),
    )
    .selectAll('s')
    .select([
      'c.slug as community_slug',
      'c.visibility as community_visibility',
      'c.join_policy as community_join_policy',
      'm.id as member_id',
      'm.role as member_role',
      'm.status as member_status',
      'm.pseudonym as member_pseudonym',
      'st.role as staff_role',
      'p.id as participant_id',
      'p.invitation as participant_invitation',
      'p.attendance as participant_attendance',
      'p.muted as participant_muted',
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}

/** Locks the participants of a session among `memberIds` (all of them without it) for an attendance change. */
export async function lockParticipants(
  db: Queryable,
  sessionId: string,
  memberIds: readonly string[] | null,
) {
  let query = db.selectFrom('live_participants').selectAll().where('session_id', '=', sessionId);
  if (memberIds) {
    if (memberIds.length === 0) return [];
    query = query.where('member_id', 'in', memberIds);
  }
  return query.orderBy('id').forUpdate().execute();
}

/** Closes the attendance of everyone still admitted when a session ends; returns who attended. */
export async function closeAttendance(db: Queryable, sessionId: string) {
  await db
    .updateTable('live_participants')
    .set({ left_at: sql<Date>`coalesce(left_at, now())` })
    .where('session_id', '=', sessionId)
    .where('attendance', '=', 'admitted')
    .execute();
  await db
    .updateTable('live_participants')
    .set({ attendance: 'left', left_at: sql<Date>`coalesce(left_at, now())` })
    .where('session_id', '=', sessionId)
    .where('attendance', '=', 'waiting')
    .execute();
  return db
    .selectFrom('live_participants')
    .select(['member_id', 'admitted_at', 'left_at'])
    .where('session_id', '=', sessionId)
    .where('admitted_at', 'is not', null)
    .orderBy('member_id')
    .execute();
}

/**
 * Participants to remind `window` ('24h' or '1h') before their session: invited or accepted (not declined),
 * of a scheduled session starting within that window from `now`, not reminded for it yet. Locked and
 * skipped when another sweep holds them.
 */
export async function lockParticipantsToRemind(
  db: Queryable,
  window: '24h' | '1h',
  now: Date,
  limit: number,
) {
  const hours = window === '24h' ? 24 : 1;
  const column = window === '24h' ? 'p.reminded_24h_at' : 'p.reminded_1h_at';
  return db
    .selectFrom('live_participants as p')
    .innerJoin('live_sessions as s', 's.id', 'p.session_id')
    .innerJoin('communities as c', 'c.id', 's.community_id')
    .select([
      'p.id',
      'p.member_id',
      's.id as session_id',
      's.title',
      's.starts_at',
      's.duration_minutes',
      's.objectives',
      'c.slug as community_slug',
    ])
    .where('s.status', '=', 'scheduled')
    .where('p.invitation', '!=', 'declined')
    .where(column, 'is', null)
    .where('s.starts_at', '>', now)
    .where('s.starts_at', '<=', new Date(now.getTime() + hours * 3_600_000))
    .orderBy('p.id')
    .limit(limit)
    .forUpdate('p')
    .skipLocked()
    .execute();
}

/** Records that a participant was reminded for one window. */
export async function markReminded(
  db: Queryable,
  participantId: string,
  window: '24h' | '1h',
): Promise<void> {
  await db
    .updateTable('live_participants')
    .set(window === '24h' ? { reminded_24h_at: sql<Date>`now()` } : { reminded_1h_at: sql<Date>`now()` })
    .where('id', '=', participantId)
    .execute();
}
