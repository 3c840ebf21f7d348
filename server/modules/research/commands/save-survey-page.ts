import type { Ctx } from '../../../platform/context.ts';
import { validate } from '../../../platform/http/validation.ts';
import { SavePageBody, type SurveyDto } from '../research.schemas.ts';
import { getSurvey } from './get-survey.ts';
import { loadSurvey } from './load-survey.ts';
import { ensureCanRespond, savePage } from './response-pages.ts';

/**
 * Saves one page of the caller's response to an open survey (save and resume): checked against the page
 * as they are shown it; the response moves on to the next page its answers lead to.
 * @throws AppError(validation_failed | conflict: submitted, closed or not open yet | not_found |
 *   unauthenticated | forbidden)
 */
export async function saveSurveyPage({
  ctx,
  community,
  surveyId,
  input,
}: {
  ctx: Ctx;
  community: string;
  surveyId: string;
  input: unknown;
}): Promise<SurveyDto> {
  const body = validate(SavePageBody, input);
  const loaded = await loadSurvey(ctx, community, surveyId);
  ensureCanRespond(ctx, loaded);
  await savePage(ctx, loaded, body);
  return getSurvey({ ctx, community, surveyId: loaded.survey.id });
}
