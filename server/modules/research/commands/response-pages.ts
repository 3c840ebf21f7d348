import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { transact } from '../../../platform/kernel.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import { surveyPolicy } from '../research.policy.ts';
import {
  findOwnUploadIds,
  insertResponse,
  lockOwnResponse,
  updateResponseRow,
} from '../research.repository.ts';
import type { SurveyDefinitionInput } from '../survey-definition.ts';
import { type Answers, checkPageAnswers, keptAnswers, nextPageIndex, pagePath } from '../survey-engine.ts';
import type { LoadedSurvey } from './load-survey.ts';

/**
 * Refuses an answer to a survey that cannot take one, with the reason: already submitted, not open yet or
 * closed; then anyone the survey policy does not let respond (observers, members outside the target).
 * @throws AppError(conflict | unauthenticated | forbidden)
 */
export function ensureCanRespond(ctx: Ctx, loaded: LoadedSurvey): void {
  if (loaded.ownStatus === 'completed')
    throw new AppError('conflict', { messageKey: 'research.error.alreadySubmitted' });
  if (loaded.state === 'closed') throw new AppError('conflict', { messageKey: 'research.error.closed' });
  if (loaded.state === 'scheduled') throw new AppError('conflict', { messageKey: 'research.error.notOpen' });
  authorize(surveyPolicy, 'respond', ctx.actor, loaded);
}

/**
 * Saves the answers of one page of the actor's response (starting it if needed): the page must be on the
 * path their answers take, no further than the page they reached; its answers are checked against what
 * they are shown there (a failed check saves nothing and keeps what was saved before). Records the time
 * spent on the page and the browser's per-question timings, and moves to the next page (skip logic).
 * @throws AppError(validation_failed at /pageId or /answers/<questionId> | conflict)
 */
export async function savePage(
  ctx: Ctx,
  loaded: LoadedSurvey,
  input: { pageId: string; answers: Answers; timings?: Record<string, number> },
): Promise<void> {
  const definition = loaded.survey.definition as SurveyDefinitionInput;
  const memberId = loaded.membership!.id;
  const stored = (loaded.own?.answers ?? {}) as Answers;
  const index = definition.pages.findIndex((p) => p.id === input.pageId);
  const reached = loaded.own?.page_index ?? 0;
  const path = pagePath(definition, stored);
  if (index < 0 || (index !== 0 && !(path.includes(index) && index <= reached)))
    throw AppError.field('/pageId', 'research.validation.pageOutOfPath');
  const page = definition.pages[index];
  const earlier: Answers = {};
  for (const i of path) {
    if (i === index) break;
    for (const q of definition.pages[i].questions) if (q.id in stored) earlier[q.id] = stored[q.id];
  }
  checkPageAnswers(page, input.answers, earlier);
  const kept = keptAnswers(page, input.answers, earlier);
  const files = page.questions.filter((q) => q.type === 'file' && typeof kept[q.id] === 'string');
  if (files.length > 0) {
    const owned = await findOwnUploadIds(
      ctx.kernel.db,
      loaded.community.id,
      memberId,
      files.map((q) => kept[q.id] as string),
    );
    for (const q of files)
      if (!owned.has(kept[q.id] as string))
        throw AppError.field(`/answers/${q.id}`, 'validation.invalidChoice');
  }
  await transact(ctx.kernel, async (trx) => {
    await insertResponse(trx, {
      id: newId(),
      community_id: loaded.community.id,
      survey_id: loaded.survey.id,
      member_id: memberId,
      locale: ctx.locale,
    });
    const current = (await lockOwnResponse(trx, loaded.survey.id, memberId))!;
    if (current.status === 'completed')
      throw new AppError('conflict', { messageKey: 'research.error.alreadySubmitted' });
    const answers = { ...(current.answers as Answers) };
    for (const q of page.questions) delete answers[q.id];
    Object.assign(answers, kept);
    const next = nextPageIndex(definition, index, answers);
    const pageTimings = { ...(current.page_timings as Record<string, number>) };
    const spent = Math.max(0, Date.now() - current.page_started_at.getTime());
    pageTimings[page.id] = Math.min(86_400_000, (pageTimings[page.id] ?? 0) + spent);
    const questionTimings = { ...(current.question_timings as Record<string, number>) };
    for (const [id, ms] of Object.entries(input.timings ?? {}))
      if (page.questions.some((q) => q.id === id)) questionTimings[id] = ms;
    await updateResponseRow(trx, current.id, {
      answers: JSON.stringify(answers),
      page_index: next === -1 ? definition.pages.length : next,
      page_timings: JSON.stringify(pageTimings),
      question_timings: JSON.stringify(questionTimings),
      page_started_at: new Date(),
      locale: ctx.locale,
    });
  });
}
