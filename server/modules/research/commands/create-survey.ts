import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { ResearchEvents } from '../research.events.ts';
import { researchPolicy } from '../research.policy.ts';
import { insertSurvey } from '../research.repository.ts';
import { CreateSurveyBody, type SurveyDto } from '../research.schemas.ts';
import { getSurvey } from './get-survey.ts';
import { checkSurveySettings } from './survey-settings.ts';

/**
 * Creates a survey or a poll (staff), its definition checked on save (`checkSurveySettings`). Audited;
 * emits `survey.created` (and `survey.published` when created published).
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden)
 */
export async function createSurvey({
  ctx,
  community,
  input,
}: {
  ctx: Ctx;
  community: string;
  input: unknown;
}): Promise<SurveyDto> {
  const body = validate(CreateSurveyBody, input);
  const loaded = await loadCommunity(ctx, community);
  authorize(researchPolicy, 'manageResearch', ctx.actor, loaded);
  const communityId = loaded.community.id;
  const kind = body.kind ?? 'survey';
  const settings = {
    kind,
    definition: body.definition,
    opensAt: body.opensAt ?? null,
    closesAt: body.closesAt ?? null,
    segmentId: body.segmentId ?? null,
    resultsVisibility: body.resultsVisibility ?? (kind === 'poll' ? 'after_vote' : 'staff'),
  } as const;
  await checkSurveySettings(ctx.kernel.db, communityId, settings);
  const row = await transact(ctx.kernel, async (trx, emit) => {
    const inserted = await insertSurvey(trx, {
      id: newId(),
      community_id: communityId,
      kind,
      title: body.title.trim(),
      description: body.description ?? '',
      definition: JSON.stringify(body.definition),
      published: body.published ?? false,
      opens_at: settings.opensAt,
      closes_at: settings.closesAt,
      segment_id: settings.segmentId,
      anonymous: body.anonymous ?? false,
      points: body.points ?? 0,
      results_visibility: settings.resultsVisibility,
      created_by: ctx.actor!.userId,
    });
    await writeAudit(trx, {
      communityId,
      actorUserId: ctx.actor!.userId,
      action: 'survey.create',
      targetType: 'survey',
      targetId: inserted.id,
    });
    const payload = { communityId, surveyId: inserted.id, kind };
    await emit({ type: ResearchEvents.created, communityId, actorUserId: ctx.actor!.userId, payload });
    if (inserted.published)
      await emit({ type: ResearchEvents.published, communityId, actorUserId: ctx.actor!.userId, payload });
    return inserted;
  });
  return getSurvey({ ctx, community, surveyId: row.id });
}
