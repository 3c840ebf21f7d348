import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';

/**
 * The presenter helper that shows ranks next to pseudonyms (issue 6: "everywhere"): one query for a
 * whole page, whatever the number of members on it. Lists built in one SQL statement may use
 * `rankNameOf` (standing.repository.ts) in their select instead.
 */
export async function rankNamesOf(db: Queryable, memberIds: Iterable<string>): Promise<Map<string, string>> {
  const ids = [...new Set(memberIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('member_ranks as mr')
    .innerJoin('ranks as r', 'r.id', 'mr.rank_id')
    .select(['mr.member_id', 'r.name'])
    .where('mr.member_id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.member_id, r.name]));
}

/** Sets `rank` on each of these people (objects with the membership `id`), in one query. */
export async function withRanks<T extends { id: string }>(
  db: Queryable,
  people: readonly T[],
): Promise<(T & { rank: string | null })[]> {
  const names = await rankNamesOf(
    db,
    people.map((p) => p.id),
  );
  return people.map((p) => ({ ...p, rank: names.get(p.id) ?? null }));
}

/**
 * The rank names of members known by pseudonym within their community (notifications keep the actor's
 * pseudonym, unique per community), in one query: keyed `communityId:pseudonym`.
 */
export async function rankNamesByPseudonym(
  db: Queryable,
  people: readonly { communityId: string; pseudonym: string }[],
): Promise<Map<string, string>> {
  if (people.length === 0) return new Map();
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('member_ranks as mr', 'mr.member_id', 'm.id')
    .innerJoin('ranks as r', 'r.id', 'mr.rank_id')
    .select(['m.community_id', 'm.pseudonym', 'r.name'])
    .where(
      sql<boolean>`(m.community_id, m.pseudonym) IN (${sql.join(
        people.map((p) => sql`(${p.communityId}::uuid, ${p.pseudonym})`),
      )})`,
    )
    .execute();
  return new Map(rows.map((r) => [`${r.community_id}:${r.pseudonym}`, r.name]));
}
