import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { SurveyTable } from '../../../platform/db/schema-research.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import type { Updateable } from 'kysely';
import { ResearchEvents } from '../research.events.ts';
import { surveyPolicy } from '../research.policy.ts';
import { countResponses, updateSurveyRow } from '../research.repository.ts';
import { type SurveyDto, UpdateSurveyBody } from '../research.schemas.ts';
import type { SurveyDefinitionInput } from '../survey-definition.ts';
import { getSurvey } from './get-survey.ts';
import { loadSurvey } from './load-survey.ts';
import { checkSurveySettings } from './survey-settings.ts';

/**
 * Changes a survey (staff): its settings, its publication, or `close: true` to close it now. Its
 * definition changes only while nobody has started answering (answers stay tied to the questions they
 * answered). Audited; emits `survey.updated`, and `survey.published` or `survey.closed` when that happens.
 * @throws AppError(validation_failed | conflict: definition of an answered survey | not_found |
 *   unauthenticated | forbidden)
 */
export async function updateSurvey({
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
  const body = validate(UpdateSurveyBody, input);
  const loaded = await loadSurvey(ctx, community, surveyId);
  authorize(surveyPolicy, 'manage', ctx.actor, loaded);
  const { survey } = loaded;
  if (body.definition && (await countResponses(ctx.kernel.db, survey.id, false)) > 0)
    throw new AppError('conflict', { messageKey: 'research.error.answeredDefinition' });
  const now = new Date();
  const closesAt = body.close ? now.toISOString() : body.closesAt;
  const opensAt = body.close && survey.opens_at && survey.opens_at > now ? null : body.opensAt;
  await checkSurveySettings(ctx.kernel.db, survey.community_id, {
    kind: survey.kind,
    definition: body.definition ?? (survey.definition as SurveyDefinitionInput),
    opensAt: opensAt === undefined ? (survey.opens_at?.toISOString() ?? null) : opensAt,
    closesAt: closesAt === undefined ? (survey.closes_at?.toISOString() ?? null) : closesAt,
    segmentId: body.segmentId === undefined ? survey.segment_id : body.segmentId,
    resultsVisibility: body.resultsVisibility ?? survey.results_visibility,
  });
  const changes: Updateable<SurveyTable> = {};
  if (body.title !== undefined) changes.title = body.title.trim();
  if (body.description !== undefined) changes.description = body.description;
  if (body.definition) changes.definition = JSON.stringify(body.definition);
  if (body.published !== undefined) changes.published = body.published;
  if (opensAt !== undefined) changes.opens_at = opensAt;
  if (closesAt !== undefined) changes.closes_at = closesAt;
  if (body.segmentId !== undefined) changes.segment_id = body.segmentId;
  if (body.anonymous !== undefined) changes.anonymous = body.anonymous;
  if (body.points !== undefined) changes.points = body.points;
  if (body.resultsVisibility !== undefined) changes.results_visibility = body.resultsVisibility;
  if (body.close && !survey.published) changes.published = true;
  await transact(ctx.kernel, async (trx, emit) => {
    const row = await updateSurveyRow(trx, survey.id, changes);
    const communityId = survey.community_id;
    await writeAudit(trx, {
      communityId,
      actorUserId: ctx.actor!.userId,
      action: 'survey.update',
      targetType: 'survey',
      targetId: survey.id,
      data: { changed: Object.keys(changes) },
    });
    const payload = { communityId, surveyId: survey.id, kind: survey.kind };
    const actorUserId = ctx.actor!.userId;
    await emit({ type: ResearchEvents.updated, communityId, actorUserId, payload });
    if (row.published && !survey.published)
      await emit({ type: ResearchEvents.published, communityId, actorUserId, payload });
    if (body.close) await emit({ type: ResearchEvents.closed, communityId, actorUserId, payload });
  });
  return getSurvey({ ctx, community, surveyId: survey.id });
}
