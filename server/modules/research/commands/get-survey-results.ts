import { abilitiesOf, authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { ajvCoercing, validationError } from '../../../platform/http/validation.ts';
import { compileSegment, loadSegment } from '../../panel/commands/load-panel.ts';
import { attributeVisibilities, countSegment, segmentMemberIds } from '../../panel/panel.repository.ts';
import { panelPolicy } from '../../panel/panel.policy.ts';
import { observerMayUse } from '../../panel/panel-rules.ts';
import type { SegmentFilterInput } from '../../panel/panel.schemas.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { surveyPolicy } from '../research.policy.ts';
import { listCompletedResponses, responseStats } from '../research.repository.ts';
import { ResultsQuery, type SurveyResultsDto } from '../research.schemas.ts';
import type { SurveyDefinitionInput } from '../survey-definition.ts';
import type { Answers } from '../survey-engine.ts';
import { aggregateResults, type ResponseForResults } from '../survey-results.ts';
import { loadSurvey, targetPredicate } from './load-survey.ts';

const checkQuery = ajvCoercing.compile(ResultsQuery);
/** Results read at most this many completed responses (a larger survey is exported as CSV). */
export const MAX_RESULT_RESPONSES = 20_000;

/**
 * A survey's results: completions, response rate (completed over the targeted members), median completion
 * time and per-question aggregates; staff may restrict them to a segment, observers to a segment over
 * observer-visible attributes only (another segment is not found for them). Staff and observers get the open
 * answers with their sentiment (pseudonyms only for staff on surveys that are not anonymous); respondents
 * of a poll whose results are public get the counts.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden)
 */
export async function getSurveyResults({
  ctx,
  community,
  surveyId,
  query = {},
}: {
  ctx: Ctx;
  community: string;
  surveyId: string;
  query?: unknown;
}): Promise<SurveyResultsDto> {
  const q = { ...(query as object) };
  if (!checkQuery(q)) throw validationError(checkQuery.errors ?? []);
  const { segment: segmentId } = q as { segment?: string };
  const loaded = await loadSurvey(ctx, community, surveyId);
  authorize(surveyPolicy, 'viewResults', ctx.actor, loaded);
  const db = ctx.kernel.db;
  const communityId = loaded.community.id;
  let segment: SurveyResultsDto['segment'] = null;
  let members = null;
  if (segmentId) {
    authorize(surveyPolicy, 'filterBySegment', ctx.actor, loaded);
    const row = await loadSegment(db, communityId, segmentId);
    if (
      !panelPolicy.managePanel(ctx.actor, loaded) &&
      !observerMayUse(row.filter as SegmentFilterInput, await attributeVisibilities(db, communityId))
    )
      throw new AppError('not_found');
    const predicate = await compileSegment(db, row);
    members = segmentMemberIds(communityId, predicate);
    segment = { id: row.id, name: row.name, size: await countSegment(db, communityId, predicate) };
  }
  const stats = await responseStats(db, loaded.survey.id, members);
  const targetSize = await countSegment(db, communityId, await targetPredicate(db, loaded.survey));
  const identify = surveyPolicy.identifyRespondents(ctx.actor, loaded);
  const rows = await listCompletedResponses(db, loaded.survey.id, {
    members,
    limit: MAX_RESULT_RESPONSES,
    afterId: null,
  });
  const responses: ResponseForResults[] = rows.map((r) => ({
    answers: r.answers as Answers,
    sentiments: r.sentiments as Record<string, number>,
    respondent: identify ? r.pseudonym : null,
  }));
  return {
    surveyId: loaded.survey.id,
    title: loaded.survey.title,
    kind: loaded.survey.kind,
    completed: stats.completed,
    started: stats.started,
    targetSize,
    responseRate: targetSize > 0 ? Math.round((stats.completed / targetSize) * 1000) / 1000 : null,
    medianSeconds: stats.median_ms === null ? null : Math.round(Number(stats.median_ms) / 1000),
    segment,
    questions: aggregateResults(
      loaded.survey.definition as SurveyDefinitionInput,
      responses,
      surveyPolicy.viewAnswers(ctx.actor, loaded),
    ),
    abilities: abilitiesOf(surveyPolicy, ctx.actor, loaded),
  };
}
