import { abilitiesOf, authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { pointsPolicy } from '../rewards.policy.ts';
import type { RanksDto } from '../rewards.schemas.ts';
import { countMembersByRank, findCommunityLocale, listRankRows } from '../standing.repository.ts';
import { defaultRanks } from '../standing.ts';

/**
 * A community's ranks, lowest first, with their thresholds, trust and how many members hold each; the
 * defaults (without ids) until the first award or change writes them.
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function listRanks({ ctx, community }: { ctx: Ctx; community: string }): Promise<RanksDto> {
  const loaded = await loadCommunity(ctx, community);
  authorize(pointsPolicy, 'viewPoints', ctx.actor, loaded);
  const db = ctx.kernel.db;
  const communityId = loaded.community.id;
  const [rows, counts] = await Promise.all([
    listRankRows(db, communityId),
    countMembersByRank(db, communityId),
  ]);
  const abilities = abilitiesOf(pointsPolicy, ctx.actor, loaded);
  if (rows.length === 0) {
    const defaults = defaultRanks(await findCommunityLocale(db, communityId));
    return {
      items: defaults.map((r, position) => ({
        id: null,
        position,
        ...r,
        minReliability: r.minReliability ?? null,
        marksAnySolution: r.marksAnySolution ?? false,
        membersCount: 0,
      })),
      abilities,
    };
  }
  return {
    items: rows.map((r) => ({
      id: r.id,
      position: r.position,
      name: r.name,
      minPoints: r.min_points,
      minSolutions: r.min_solutions,
      minKudos: r.min_kudos,
      minTenureDays: r.min_tenure_days,
      minReliability: r.min_reliability,
      skipsPremoderation: r.skips_premoderation,
      marksAnySolution: r.marks_any_solution,
      membersCount: counts.get(r.id) ?? 0,
    })),
    abilities,
  };
}
