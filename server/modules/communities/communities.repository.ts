import { sql } from 'kysely';
import type { MembershipFacts } from '../../platform/authz/actor.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { isUuid } from '../../platform/db/ids.ts';
import type { CommunityRow, CommunityUpdate, NewCommunity } from '../../platform/db/schema.ts';

/**
 * A community row with its active member count; null when the read did not count them (`memberCount:
 * false`, for requests that do not show it: counting visits every active membership).
 */
export type CommunityWithCount = CommunityRow & { members_count: number | null };

/** The number of a community's active members, as a column of a query on `communities as c`. */
const membersCountOf = sql<number>`(SELECT count(*) FROM memberships m
  WHERE m.community_id = c.id AND m.status = 'active')`;

/** The `members_count` column: counted, or null when the caller does not need it. */
const membersCountColumn = (count: boolean) =>
  (count ? membersCountOf : sql<number | null>`NULL::bigint`).as('members_count');

/** Finds a community by id or slug, with its active member count (unless `memberCount: false`). */
export async function findCommunity(
  db: Queryable,
  key: string,
  options: { memberCount?: boolean } = {},
): Promise<CommunityWithCount | undefined> {
  return db
    .selectFrom('communities as c')
    .selectAll('c')
    .select(membersCountColumn(options.memberCount !== false))
    .where(isUuid(key) ? 'c.id' : 'c.slug', '=', key)
    .executeTakeFirst();
}

/**
 * Finds a community by id or slug, with its active member count (unless `memberCount: false`) and the
 * user's membership facts (null when anonymous or not a member), in one query: the first round trip of
 * every community-scoped request.
 */
export async function findCommunityFor(
  db: Queryable,
  key: string,
  userId: string | undefined,
  options: { memberCount?: boolean } = {},
): Promise<{ community: CommunityWithCount; membership: MembershipFacts | null } | undefined> {
  if (!userId) {
    const community = await findCommunity(db, key, options);
    return community && { community, membership: null };
  }
  const row = await db
    .selectFrom('communities as c')
    .leftJoin('memberships as my', (join) =>
      join.onRef('my.community_id', '=', 'c.id').on('my.user_id', '=', userId),
    )
    .selectAll('c')
    .select([
      membersCountColumn(options.memberCount !== false),
      'my.id as my_id',
      'my.role as my_role',
      'my.status as my_status',
      'my.pseudonym as my_pseudonym',
      'my.support_agent as my_support_agent',
    ])
    .where(isUuid(key) ? 'c.id' : 'c.slug', '=', key)
    .executeTakeFirst();
  if (!row) return undefined;
  const { my_id, my_role, my_status, my_pseudonym, my_support_agent, ...community } = row;
  const membership =
    my_id && my_role && my_status && my_pseudonym !== null
      ? {
          id: my_id,
          role: my_role,
          status: my_status,
          pseudonym: my_pseudonym,
          supportAgent: !!my_support_agent,
        }
      : null;
  return { community: community, membership };
}

/** The user's membership facts in a community, or null. */
export async function findMembershipFacts(
  db: Queryable,
  communityId: string,
  userId: string | undefined,
): Promise<MembershipFacts | null> {
  if (!userId) return null;
  const row = await db
    .selectFrom('memberships')
    .select(['id', 'role', 'status', 'pseudonym', 'support_agent as supportAgent'])
    .where('community_id', '=', communityId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ?? null;
}

/** One row of the community list, with the viewer's membership (if any). */
export type CommunityListRow = CommunityWithCount & {
  my_membership_id: string | null;
  my_role: MembershipFacts['role'] | null;
  my_status: MembershipFacts['status'] | null;
  my_pseudonym: string | null;
};

/**
 * Lists the communities a viewer may see (query scope): public and private ones, hidden ones they belong
 * to, all of them for a platform admin. Ordered by name then id; `after` is the last (name, id) seen.
 */
export async function listVisibleCommunities(
  db: Queryable,
  viewer: { userId: string | null; isPlatformAdmin: boolean },
  page: { limit: number; after: [string, string] | null; mine?: boolean },
): Promise<CommunityListRow[]> {
  let query = db
    .selectFrom('communities as c')
    .leftJoin('memberships as me', (join) =>
      join
        .onRef('me.community_id', '=', 'c.id')
        .on('me.user_id', '=', viewer.userId ?? '00000000-0000-0000-0000-000000000000'),
    )
    .selectAll('c')
    .select([
      'me.id as my_membership_id',
      'me.role as my_role',
      'me.status as my_status',
      'me.pseudonym as my_pseudonym',
      membersCountOf.as('members_count'),
    ]);
  if (!viewer.isPlatformAdmin) {
    query = query.where((eb) => eb.or([eb('c.visibility', '!=', 'hidden'), eb('me.id', 'is not', null)]));
  }
  if (page.mine) query = query.where('me.id', 'is not', null);
  if (page.after) {
    const [name, id] = page.after;
    query = query.where(sql<boolean>`(lower(c.name), c.id) > (lower(${name}), ${id}::uuid)`);
  }
  return query
    .orderBy(sql`lower(c.name)`)
    .orderBy('c.id')
    .limit(page.limit + 1)
    .execute();
}

/** Inserts a community; a duplicate slug raises the unique violation `communities_slug_key`. */
export async function insertCommunity(db: Queryable, values: NewCommunity): Promise<CommunityRow> {
  return db.insertInto('communities').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Updates a community and returns the new row. */
export async function updateCommunityRow(
  db: Queryable,
  id: string,
  values: CommunityUpdate,
): Promise<CommunityRow> {
  return db
    .updateTable('communities')
    .set({ ...values, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
