import type { Ctx } from '../../../platform/context.ts';
import { presentSurvey } from '../research.presenter.ts';
import { surveyPolicy } from '../research.policy.ts';
import { countResponses } from '../research.repository.ts';
import type { SurveyDto } from '../research.schemas.ts';
import { loadSurvey } from './load-survey.ts';

/**
 * A survey for the caller: staff and observers see every one, respondents the published ones they are
 * targeted by, with their own response (save and resume) and their progress.
 * @throws AppError(not_found)
 */
export async function getSurvey({
  ctx,
  community,
  surveyId,
}: {
  ctx: Ctx;
  community: string;
  surveyId: string;
}): Promise<SurveyDto> {
  const loaded = await loadSurvey(ctx, community, surveyId);
  const count = surveyPolicy.viewAnswers(ctx.actor, loaded)
    ? await countResponses(ctx.kernel.db, loaded.survey.id)
    : null;
  return presentSurvey(loaded.survey, loaded, ctx.actor, count);
}
