import type { Queryable } from '../../platform/db/database.ts';
import { analyseResponse } from '../research/response-quality.ts';
import type { SurveyDefinitionInput } from '../research/survey-definition.ts';
import type { Answers } from '../research/survey-engine.ts';
import {
  NO_INPUTS,
  type ReliabilityFactor,
  type ReliabilityInputs,
  reliabilityFactors,
  reliabilityScore,
} from './reliability-rules.ts';
import {
  countSessionShows,
  findPanelSettings,
  findScoredMember,
  listScoredResponses,
  MIN_RESPONSES_FOR_MEDIAN,
  ratingStats,
  saveReliability,
} from './reliability.repository.ts';

/** Counts a member's reliability inputs: their completed surveys, accepted sessions and ratings. */
export async function countReliabilityInputs(
  db: Queryable,
  memberId: string,
  speedingPercent: number,
): Promise<ReliabilityInputs> {
  const inputs: ReliabilityInputs = { ...NO_INPUTS };
  for (const response of await listScoredResponses(db, memberId)) {
    const quality = analyseResponse(
      response.definition as SurveyDefinitionInput,
      response.answers as Answers,
    );
    inputs.checks += quality.checks;
    inputs.failedChecks += quality.failedChecks;
    inputs.grids += quality.grids;
    inputs.straightLined += quality.straightLined;
    if ((response.completed ?? 0) >= MIN_RESPONSES_FOR_MEDIAN && response.median_ms !== null) {
      inputs.timedResponses += 1;
      if ((response.duration_ms ?? 0) < (response.median_ms * speedingPercent) / 100)
        inputs.speedingResponses += 1;
    }
  }
  const shows = await countSessionShows(db, memberId);
  inputs.acceptedSessions = shows.accepted;
  inputs.noShows = shows.noShows;
  const ratings = await ratingStats(db, memberId);
  inputs.ratings = ratings.count;
  inputs.averageRating = ratings.average;
  return inputs;
}

/**
 * Recomputes a member's reliability score from its inputs and stores it with its factors (and in
 * `memberships.reliability_score`). Does nothing for a membership that no longer exists. Pass the
 * transaction the caller holds.
 */
export async function recomputeReliability(
  db: Queryable,
  memberId: string,
): Promise<{ score: number; factors: ReliabilityFactor[] } | undefined> {
  const member = await findScoredMember(db, memberId);
  if (!member) return undefined;
  const settings = await findPanelSettings(db, member.community_id);
  const factors = reliabilityFactors(await countReliabilityInputs(db, memberId, settings.speeding_percent));
  const score = reliabilityScore(factors);
  await saveReliability(db, { memberId, communityId: member.community_id, score, factors: { factors } });
  return { score, factors };
}
