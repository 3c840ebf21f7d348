import type { Ctx } from '../../../platform/context.ts';
import { presentSurvey } from '../research.presenter.ts';
import { surveyPolicy } from '../research.policy.ts';
import { countResponses } from '../research.repository.ts';
import type { SurveyDto } from '../research.schemas.ts';
import { listSurveyMediaByIds } from '../survey-media.repository.ts';
import type { SurveyDefinitionInput } from '../survey-definition.ts';
import { mediaRefs } from '../stimulus-rules.ts';
import { loadSurvey } from './load-survey.ts';

/**
 * A survey for the caller: staff and observers see every one, respondents the published ones they are
 * targeted by, with their own response (save and resume), their progress and the stimulus files it shows.
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
  const ids = mediaRefs(loaded.survey.definition as SurveyDefinitionInput).map((r) => r.mediaId);
  const media = await listSurveyMediaByIds(ctx.kernel.db, loaded.survey.community_id, ids);
  return presentSurvey(loaded.survey, loaded, ctx.actor, count, media);
}
