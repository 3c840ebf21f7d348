import type { Ctx } from '../../../platform/context.ts';
import { validate } from '../../../platform/http/validation.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { findRankName, isOptedOut } from '../history.repository.ts';
import { findBalance } from '../ledger.repository.ts';
import { BalanceQuery, type PointsBalanceDto } from '../rewards.schemas.ts';
import { pointsTarget } from './points-target.ts';

/**
 * A member's balances (pending, available, lifetime), rank and leaderboard choice: one's own, or any
 * member's for staff.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden)
 */
export async function getPointsBalance({
  ctx,
  community,
  query,
}: {
  ctx: Ctx;
  community: string;
  query: unknown;
}): Promise<PointsBalanceDto> {
  const q = validate(BalanceQuery, query);
  const loaded = await loadCommunity(ctx, community);
  const member = await pointsTarget(ctx, loaded, q.memberId);
  const db = ctx.kernel.db;
  const [balance, rank, optOut] = await Promise.all([
    findBalance(db, member.id),
    findRankName(db, member.id),
    isOptedOut(db, member.id),
  ]);
  return {
    memberId: member.id,
    pseudonym: member.pseudonym,
    pending: balance.pending,
    available: balance.available,
    lifetime: balance.lifetime,
    rank,
    leaderboardOptOut: optOut,
  };
}
