import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { sentimentScorer } from '../../../platform/text/sentiment.ts';
import { ResearchEvents, type SurveyCompletedPayload } from '../research.events.ts';
import { completeResponseRow, lockOwnResponse } from '../research.repository.ts';
import { type SurveyDto, SubmitResponseBody } from '../research.schemas.ts';
import { questionsById, type SurveyDefinitionInput } from '../survey-definition.ts';
import { type Answers, checkWholeResponse } from '../survey-engine.ts';
import { getSurvey } from './get-survey.ts';
import { loadSurvey } from './load-survey.ts';
import { ensureCanRespond, savePage } from './response-pages.ts';

/**
 * Submits the caller's response, once: saves the last page when given (a poll's vote is this one call),
 * then re-checks the whole response along its path and completes it (answers off the path are dropped),
 * scoring open answers' sentiment in the response's language. A failed check keeps every saved page.
 * Emits `survey.completed` with the points the survey declares (the points area awards them).
 * @throws AppError(validation_failed | conflict: already submitted, closed, not open yet | not_found |
 *   unauthenticated | forbidden)
 */
export async function submitSurveyResponse({
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
  const body = validate(SubmitResponseBody, input);
  if ((body.pageId === undefined) !== (body.answers === undefined))
    throw AppError.field(body.pageId === undefined ? '/pageId' : '/answers', 'validation.required');
  let loaded = await loadSurvey(ctx, community, surveyId);
  ensureCanRespond(ctx, loaded);
  if (body.pageId !== undefined && body.answers !== undefined) {
    await savePage(ctx, loaded, { pageId: body.pageId, answers: body.answers, timings: body.timings });
    loaded = await loadSurvey(ctx, community, surveyId);
  }
  if (!loaded.own) throw new AppError('validation_failed', { messageKey: 'research.error.nothingAnswered' });
  const definition = loaded.survey.definition as SurveyDefinitionInput;
  const answers = checkWholeResponse(definition, loaded.own.answers as Answers);
  const questions = questionsById(definition);
  const locale = loaded.own.locale === 'en' ? 'en' : 'fr';
  const sentiments: Record<string, number> = {};
  for (const [id, value] of Object.entries(answers)) {
    const type = questions.get(id)?.type;
    // Open answers, and the reason given for a preference.
    const text = type === 'text' ? value : type === 'preference' ? (value as { why?: unknown }).why : null;
    if (typeof text === 'string' && text.trim() !== '')
      sentiments[id] = (await sentimentScorer().score(text, locale)).score;
  }
  const memberId = loaded.membership!.id;
  const { survey } = loaded;
  await transact(ctx.kernel, async (trx, emit) => {
    const current = await lockOwnResponse(trx, survey.id, memberId);
    const done = current
      ? await completeResponseRow(trx, current.id, {
          answers: JSON.stringify(answers),
          sentiments: JSON.stringify(sentiments),
        })
      : undefined;
    if (!done) throw new AppError('conflict', { messageKey: 'research.error.alreadySubmitted' });
    const payload: SurveyCompletedPayload = {
      communityId: survey.community_id,
      surveyId: survey.id,
      responseId: done.id,
      memberId,
      points: survey.points,
    };
    await emit({
      type: ResearchEvents.completed,
      communityId: survey.community_id,
      actorUserId: ctx.actor!.userId,
      payload,
    });
  });
  return getSurvey({ ctx, community, surveyId: survey.id });
}
