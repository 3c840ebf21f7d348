import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import { newId } from '../../platform/db/ids.ts';

/** A community's badges, rule badges first, with how many members hold each now. */
export async function listBadgeRows(db: Queryable, communityId: string) {
  return db
    .selectFrom('badges as b')
    .select((eb) => [
      'b.id',
      'b.rule',
      'b.name',
      'b.description',
      'b.created_at',
      eb
        .selectFrom('member_badges as mb')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('mb.badge_id', '=', 'b.id')
        .where('mb.revoked_at', 'is', null)
        .as('holders_count'),
    ])
    .where('b.community_id', '=', communityId)
    .orderBy(sql`b.rule IS NULL`)
    .orderBy('b.created_at')
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, holders_count: r.holders_count ?? 0 })));
}

/** Inserts a hand-awarded badge. */
export async function insertBadge(
  db: Queryable,
  badge: { communityId: string; name: string; description: string },
) {
  return db
    .insertInto('badges')
    .values({
      id: newId(),
      community_id: badge.communityId,
      name: badge.name,
      description: badge.description,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A badge of a community. */
export async function findBadge(db: Queryable, communityId: string, badgeId: string) {
  return db
    .selectFrom('badges')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', badgeId)
    .executeTakeFirst();
}

/** Awards a badge by hand; null when the member already holds it. */
export async function insertMemberBadge(
  db: Queryable,
  award: { communityId: string; badgeId: string; memberId: string; actorUserId: string },
) {
  return db
    .insertInto('member_badges')
    .values({
      id: newId(),
      community_id: award.communityId,
      badge_id: award.badgeId,
      member_id: award.memberId,
      awarded_by_user_id: award.actorUserId,
    })
    .onConflict((oc) => oc.columns(['badge_id', 'member_id']).where('revoked_at', 'is', null).doNothing())
    .returning('id')
    .executeTakeFirst();
}

/** Revokes a standing badge award with a reason; null when there is no such standing award. */
export async function revokeMemberBadge(
  db: Queryable,
  revoke: { communityId: string; memberBadgeId: string; actorUserId: string; reason: string },
) {
  return db
    .updateTable('member_badges')
    .set({
      revoked_at: sql<Date>`now()`,
      revoked_by_user_id: revoke.actorUserId,
      revoke_reason: revoke.reason,
    })
    .where('community_id', '=', revoke.communityId)
    .where('id', '=', revoke.memberBadgeId)
    .where('revoked_at', 'is', null)
    .returning(['id', 'member_id', 'badge_id'])
    .executeTakeFirst();
}

/** A member's badge awards with their badges (revoked ones too when `withRevoked`), newest first. */
export async function listMemberBadgeRows(
  db: Queryable,
  communityId: string,
  filter: { memberId?: string; ids?: string[]; withRevoked: boolean },
) {
  let query = db
    .selectFrom('member_badges as mb')
    .innerJoin('badges as b', 'b.id', 'mb.badge_id')
    .select([
      'mb.id',
      'mb.badge_id',
      'b.rule',
      'b.name',
      'b.description',
      'mb.member_id',
      'mb.awarded_at',
      'mb.awarded_by_user_id',
      'mb.revoked_at',
      'mb.revoke_reason',
    ])
    .where('mb.community_id', '=', communityId);
  if (filter.memberId) query = query.where('mb.member_id', '=', filter.memberId);
  if (filter.ids) query = query.where('mb.id', 'in', filter.ids);
  if (!filter.withRevoked) query = query.where('mb.revoked_at', 'is', null);
  return query.orderBy('mb.awarded_at', 'desc').orderBy('mb.id', 'desc').limit(200).execute();
}
