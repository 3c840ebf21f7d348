import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import { isUuid } from '../../platform/db/ids.ts';
import type { CommunityRole, MembershipRow, MembershipStatus } from '../../platform/db/schema.ts';

/** Whether a pseudonym key is already used in a community. */
export async function pseudonymTaken(db: Queryable, communityId: string, key: string): Promise<boolean> {
  const row = await db
    .selectFrom('memberships')
    .select('id')
    .where('community_id', '=', communityId)
    .where('pseudonym_key', '=', key)
    .executeTakeFirst();
  return !!row;
}

/** Locks the community row (serialises joins so the member cap holds) and counts active members. */
export async function lockCommunityAndCountMembers(db: Queryable, communityId: string): Promise<number> {
  await db.selectFrom('communities').select('id').where('id', '=', communityId).forUpdate().execute();
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', communityId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Inserts a membership. Unique violations: `memberships_community_id_pseudonym_key_key`, `..._user_id_key`. */
export async function insertMembership(
  db: Queryable,
  values: {
    id: string;
    community_id: string;
    user_id: string;
    pseudonym: string;
    pseudonym_key: string;
    status: MembershipStatus;
  },
): Promise<MembershipRow> {
  return db.insertInto('memberships').values(values).returningAll().executeTakeFirstOrThrow();
}

/** One membership of a community by id (undefined for an id that is not even a UUID). */
export async function findMember(
  db: Queryable,
  communityId: string,
  memberId: string,
): Promise<MembershipRow | undefined> {
  if (!isUuid(memberId)) return undefined;
  return db
    .selectFrom('memberships')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', memberId)
    .executeTakeFirst();
}

/**
 * A page of a community's members, oldest first; `statuses` is the query scope. Each row carries
 * `cursor_joined_at`, its join time with PostgreSQL's microsecond precision (a JS Date keeps only
 * milliseconds, which would repeat rows across pages).
 */
export async function listMemberRows(
  db: Queryable,
  communityId: string,
  filter: {
    statuses: MembershipStatus[];
    role?: CommunityRole;
    q?: string;
    limit: number;
    after: [string, string] | null;
  },
): Promise<(MembershipRow & { cursor_joined_at: string })[]> {
  let query = db
    .selectFrom('memberships')
    .selectAll()
    .select(
      sql<string>`to_char(joined_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        'cursor_joined_at',
      ),
    )
    .where('community_id', '=', communityId)
    .where('status', 'in', filter.statuses);
  if (filter.role) query = query.where('role', '=', filter.role);
  if (filter.q) query = query.where('pseudonym_key', 'like', `${filter.q.replace(/[%_\\]/g, '\\$&')}%`);
  if (filter.after) {
    query = query.where(
      sql<boolean>`(joined_at, id) > (${filter.after[0]}::timestamptz, ${filter.after[1]}::uuid)`,
    );
  }
  return query
    .orderBy('joined_at')
    .orderBy('id')
    .limit(filter.limit + 1)
    .execute();
}

/** How many active admins a community has. */
export async function countActiveAdmins(db: Queryable, communityId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', communityId)
    .where('role', '=', 'admin')
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Updates a membership's role and/or status. */
export async function updateMemberRow(
  db: Queryable,
  memberId: string,
  values: { role?: CommunityRole; status?: MembershipStatus },
): Promise<MembershipRow> {
  return db
    .updateTable('memberships')
    .set({ ...values, updated_at: sql<Date>`now()` })
    .where('id', '=', memberId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The real identity behind a membership (kept in the account, apart from the membership). */
export async function findIdentity(db: Queryable, userId: string) {
  return db
    .selectFrom('auth_user')
    .select(['name', 'email', 'phone'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
}

/** A page of a community's access log, newest first, with actor and subject names. */
export async function listAccessLogRows(
  db: Queryable,
  communityId: string,
  page: { limit: number; before: string | null },
) {
  let query = db
    .selectFrom('access_log as a')
    .innerJoin('auth_user as u', 'u.id', 'a.actor_user_id')
    .innerJoin('memberships as s', 's.id', 'a.subject_membership_id')
    .leftJoin('memberships as am', (join) =>
      join.onRef('am.user_id', '=', 'a.actor_user_id').onRef('am.community_id', '=', 'a.community_id'),
    )
    .select([
      'a.id',
      'a.created_at',
      'a.fields',
      'a.purpose',
      'a.actor_user_id',
      'u.name as actor_name',
      'am.pseudonym as actor_pseudonym',
      's.id as subject_id',
      's.pseudonym as subject_pseudonym',
    ])
    .where('a.community_id', '=', communityId);
  if (page.before) query = query.where('a.id', '<', page.before);
  return query
    .orderBy('a.id', 'desc')
    .limit(page.limit + 1)
    .execute();
}

/** An invitation of a community by code hash, locked for the transaction. */
export async function findInvitationForUpdate(db: Queryable, communityId: string, codeHash: string) {
  return db
    .selectFrom('community_invitations')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('code_hash', '=', codeHash)
    .forUpdate()
    .executeTakeFirst();
}

/** Whether a code is a valid (unused, unexpired) invitation to a community, optionally for one email. */
export async function isValidInvitation(
  db: Queryable,
  communityId: string,
  codeHash: string,
  email: string | null,
) {
  const row = await db
    .selectFrom('community_invitations')
    .select(['email'])
    .where('community_id', '=', communityId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
  return !!row && (!row.email || row.email === email?.toLowerCase());
}

/** Marks an invitation used by a user. */
export async function markInvitationUsed(db: Queryable, invitationId: string, userId: string): Promise<void> {
  await db
    .updateTable('community_invitations')
    .set({ used_at: sql<Date>`now()`, used_by: userId })
    .where('id', '=', invitationId)
    .execute();
}

/** Stores a new invitation (its code hashed). */
export async function insertInvitation(
  db: Queryable,
  values: {
    id: string;
    community_id: string;
    code_hash: string;
    email: string | null;
    expires_at: Date;
    created_by: string;
  },
): Promise<void> {
  await db.insertInto('community_invitations').values(values).execute();
}

/** Writes one identity read to the access log. */
export async function insertAccessLog(
  db: Queryable,
  values: {
    id: string;
    community_id: string;
    actor_user_id: string;
    subject_membership_id: string;
    fields: string[];
    purpose: string;
  },
): Promise<void> {
  await db.insertInto('access_log').values(values).execute();
}
