import { sql } from 'kysely';
import type { Ctx } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/database.ts';
import type { SurveyRow } from '../../../platform/db/schema-research.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { compileSegment, loadSegment } from '../../panel/commands/load-panel.ts';
import { memberMatches } from '../../panel/panel.repository.ts';
import { type SurveyResource, surveyPolicy, surveyState } from '../research.policy.ts';
import { findOwnResponse, findSurvey } from '../research.repository.ts';

/** A survey loaded for the actor with its policy resource and the actor's own response. */
export type LoadedSurvey = SurveyResource & {
  survey: SurveyRow;
  own: Awaited<ReturnType<typeof findOwnResponse>>;
};

/**
 * Loads a survey of a community for the actor: its state, whether the actor is in its target segment and
 * their response. A survey the actor may not see is not found.
 * @throws AppError(not_found)
 */
export async function loadSurvey(ctx: Ctx, community: string, surveyId: string): Promise<LoadedSurvey> {
  const loaded = await loadCommunity(ctx, community);
  const survey = await findSurvey(ctx.kernel.db, loaded.community.id, surveyId);
  if (!survey) throw new AppError('not_found');
  const membership = loaded.membership;
  let targeted = !!membership && membership.status === 'active';
  if (targeted && survey.segment_id) {
    const segment = await loadSegment(ctx.kernel.db, loaded.community.id, survey.segment_id);
    targeted = await memberMatches(
      ctx.kernel.db,
      membership!.id,
      await compileSegment(ctx.kernel.db, segment),
    );
  }
  const own = membership ? await findOwnResponse(ctx.kernel.db, survey.id, membership.id) : undefined;
  const resource: LoadedSurvey = {
    ...loaded,
    survey,
    state: surveyState(survey),
    targeted,
    ownStatus: own?.status ?? null,
    own,
  };
  if (!surveyPolicy.view(ctx.actor, resource)) throw new AppError('not_found');
  return resource;
}

/** The respondents a survey targets: active members who answer surveys, within its segment if any. */
export async function targetPredicate(db: Queryable, survey: SurveyRow) {
  const respondents = sql<boolean>`m.status = 'active' AND m.role <> 'observer'`;
  if (!survey.segment_id) return respondents;
  const segment = await loadSegment(db, survey.community_id, survey.segment_id);
  return sql<boolean>`(${await compileSegment(db, segment)}) AND ${respondents}`;
}
