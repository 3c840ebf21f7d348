import { isLocale, translate } from '../../../common/i18n/index.ts';
import type { Queryable } from '../../platform/db/database.ts';
import type { BadgeRule } from '../../platform/db/schema-rewards.ts';
import {
  ensureRuleBadges,
  findCommunityLocale,
  findMemberMetrics,
  grantRuleBadges,
  insertRanks,
  listRankRows,
  type MemberMetrics,
  type NewRank,
  type RankThresholds,
  upsertMemberRanks,
} from './standing.repository.ts';

/** The default ranks (Newcomer → Regular → Contributor → Expert → Superfan), named in a language. */
export function defaultRanks(locale: string): Required<NewRank>[] {
  const l = isLocale(locale) ? locale : 'fr';
  const rank = (key: string, minPoints: number, minSolutions: number, minKudos: number, days: number) => ({
    name: translate(l, `points.rank.default.${key}`),
    minPoints,
    minSolutions,
    minKudos,
    minTenureDays: days,
    minReliability: null,
    skipsPremoderation: minPoints >= 100,
    marksAnySolution: minPoints >= 2000,
  });
  return [
    rank('newcomer', 0, 0, 0, 0),
    rank('regular', 25, 0, 0, 7),
    rank('contributor', 100, 1, 5, 30),
    rank('expert', 500, 10, 25, 90),
    rank('superfan', 2000, 50, 100, 180),
  ];
}

/** The rule badges and what each asks for. */
export const BADGE_RULES: Readonly<Record<BadgeRule, (m: MemberMetrics) => boolean>> = {
  first_solution: (m) => m.solutions >= 1,
  ten_solutions: (m) => m.solutions >= 10,
  fifty_kudos: (m) => m.kudos >= 50,
  five_sessions: (m) => m.sessions >= 5,
  one_year: (m) => m.tenure_days >= 365,
};

/** The highest rank whose every threshold the member meets (ranks sorted lowest first). */
export function rankFor(ranks: readonly RankThresholds[], m: MemberMetrics): RankThresholds | null {
  let best: RankThresholds | null = null;
  for (const r of ranks) {
    if (
      m.points >= r.min_points &&
      m.solutions >= r.min_solutions &&
      m.kudos >= r.min_kudos &&
      m.tenure_days >= r.min_tenure_days &&
      (r.min_reliability === null || (m.reliability !== null && m.reliability >= r.min_reliability))
    )
      best = r;
  }
  return best;
}

/** The community's ranks, writing the defaults first when it has none. */
export async function ensureRanks(trx: Queryable, communityId: string): Promise<RankThresholds[]> {
  const ranks = await listRankRows(trx, communityId);
  if (ranks.length > 0) return ranks;
  await insertRanks(trx, communityId, defaultRanks(await findCommunityLocale(trx, communityId)));
  return listRankRows(trx, communityId);
}

/**
 * Recomputes the rank and the rule badges of some members (every active member when `memberIds` is
 * null) from their metrics, in the caller's transaction: called after awards, releases, reversals,
 * adjustments and rank changes. Idempotent.
 */
export async function refreshStanding(
  trx: Queryable,
  communityId: string,
  memberIds: readonly string[] | null,
): Promise<void> {
  const metrics = await findMemberMetrics(trx, communityId, memberIds);
  if (metrics.length === 0) return;
  const ranks = await ensureRanks(trx, communityId);
  const assigned = metrics.flatMap((m) => {
    const rank = rankFor(ranks, m);
    return rank ? [{ memberId: m.member_id, rankId: rank.id }] : [];
  });
  await upsertMemberRanks(trx, communityId, assigned);
  const rules = Object.keys(BADGE_RULES) as BadgeRule[];
  const grants = metrics.flatMap((m) =>
    rules.filter((rule) => BADGE_RULES[rule](m)).map((rule) => ({ memberId: m.member_id, rule })),
  );
  if (grants.length === 0) return;
  await ensureRuleBadges(trx, communityId, rules);
  await grantRuleBadges(trx, communityId, grants);
}
