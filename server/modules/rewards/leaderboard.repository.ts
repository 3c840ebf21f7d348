import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';

/** Kinds that make up what a member earned: awards net of denials and reversals, and adjustments. */
const EARNED_KINDS = ['award', 'denial', 'reversal', 'adjustment'] as const;

/**
 * The top members of a community by points earned since `since` (all time when null), optionally only
 * from posts of one board (through the reply or topic that earned them), leaving out members who opted
 * out and inactive ones; with each member's rank. One query, on the ledger's community index.
 */
export async function listLeaderboardRows(
  db: Queryable,
  communityId: string,
  options: { since: Date | null; boardId: string | null; limit: number },
) {
  let query = db
    .selectFrom('points_ledger as l')
    .innerJoin('memberships as m', 'm.id', 'l.member_id')
    .leftJoin('member_ranks as mr', 'mr.member_id', 'l.member_id')
    .leftJoin('ranks as r', 'r.id', 'mr.rank_id')
    .select(['l.member_id', 'm.pseudonym', 'r.name as rank', sql<number>`sum(l.points)::int`.as('points')])
    .where('l.community_id', '=', communityId)
    .where('l.kind', 'in', EARNED_KINDS)
    .where('m.status', '=', 'active')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('leaderboard_opt_outs as o')
            .select('o.member_id')
            .whereRef('o.member_id', '=', 'l.member_id'),
        ),
      ),
    );
  if (options.since) query = query.where('l.created_at', '>=', options.since);
  if (options.boardId) {
    query = query
      .leftJoin('replies as rp', (join) =>
        join.onRef('rp.id', '=', 'l.source_id').on('l.source_type', '=', 'reply'),
      )
      .innerJoin('topics as tp', (join) =>
        join.on(
          'tp.id',
          '=',
          sql<string>`CASE WHEN l.source_type = 'topic' THEN l.source_id ELSE rp.topic_id END`,
        ),
      )
      .where('tp.board_id', '=', options.boardId);
  }
  return query
    .groupBy(['l.member_id', 'm.pseudonym', 'r.name'])
    .having(sql<number>`sum(l.points)`, '>', 0)
    .orderBy('points', 'desc')
    .orderBy('m.pseudonym')
    .limit(options.limit)
    .execute();
}
