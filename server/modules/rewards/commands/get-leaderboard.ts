import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { validate } from '../../../platform/http/validation.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { loadBoard } from '../../support/commands/load-support.ts';
import { listLeaderboardRows } from '../leaderboard.repository.ts';
import { leaderboardPolicy } from '../rewards.policy.ts';
import { type LeaderboardDto, LeaderboardQuery } from '../rewards.schemas.ts';

/** The first instant of the current month (UTC). */
export function monthStart(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/**
 * A leaderboard: members by points earned this month (UTC) or of all time, in the community or from one
 * board's posts (a board the viewer may read), without members who opted out. Pseudonyms and ranks only.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden)
 */
export async function getLeaderboard({
  ctx,
  community,
  query,
}: {
  ctx: Ctx;
  community: string;
  query: unknown;
}): Promise<LeaderboardDto> {
  const q = validate(LeaderboardQuery, query);
  const loaded = await loadCommunity(ctx, community);
  authorize(leaderboardPolicy, 'viewLeaderboard', ctx.actor, loaded);
  const board = q.board ? (await loadBoard(ctx, loaded.community.id, q.board)).board : null;
  const period = q.period ?? 'month';
  const since = period === 'month' ? monthStart() : null;
  const rows = await listLeaderboardRows(ctx.kernel.db, loaded.community.id, {
    since,
    boardId: board?.id ?? null,
    limit: q.limit ?? 20,
  });
  return {
    period,
    board: board ? { slug: board.slug, title: board.title } : null,
    since: since ? since.toISOString() : null,
    items: rows.map((r, i) => ({
      position: i + 1,
      memberId: r.member_id,
      pseudonym: r.pseudonym,
      rank: r.rank,
      points: r.points,
    })),
  };
}
