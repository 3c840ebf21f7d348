import type { Ctx } from '../../../platform/context.ts';
import { findDuplicates } from '../duplicates.ts';
import { presentRating } from '../panel-quality.presenter.ts';
import type { ReliabilityDto } from '../panel-quality.schemas.ts';
import { listRatings } from '../panel-quality.repository.ts';
import type { ReliabilityFactor } from '../reliability-rules.ts';
import { findPanelSettings, findReliability } from '../reliability.repository.ts';
import { loadReviewedMember } from './load-panel-member.ts';

/**
 * A member's reliability as staff see it: the score (null before the first scoring) and its factors,
 * whether it is under the community's review threshold, the moderator ratings and the members who look
 * like the same person (same email or phone once normalised, near-identical profile).
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function getReliability({
  ctx,
  community,
  memberId,
}: {
  ctx: Ctx;
  community: string;
  memberId: string;
}): Promise<ReliabilityDto> {
  const { resource, member } = await loadReviewedMember(ctx, community, memberId);
  const db = ctx.kernel.db;
  const communityId = resource.community.id;
  const [settings, stored, ratings, duplicates] = await Promise.all([
    findPanelSettings(db, communityId),
    findReliability(db, member.id),
    listRatings(db, communityId, member.id),
    findDuplicates(db, communityId),
  ]);
  const factors = (stored?.factors as { factors?: ReliabilityFactor[] } | undefined)?.factors ?? [];
  const score = stored?.score ?? null;
  const twins = duplicates.get(member.id) ?? [];
  return {
    memberId: member.id,
    pseudonym: member.pseudonym,
    panelStage: member.panel_stage,
    score,
    computedAt: stored?.computed_at.toISOString() ?? null,
    threshold: settings.review_threshold,
    flagged: (score !== null && score < settings.review_threshold) || twins.length > 0,
    factors: factors.map((f) => ({ name: f.name, count: f.count, outOf: f.outOf, points: f.points })),
    ratings: ratings.map(presentRating),
    duplicates: twins,
  };
}
