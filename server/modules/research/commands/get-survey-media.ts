import type { Ctx } from '../../../platform/context.ts';
import type { SurveyMediaRow } from '../../../platform/db/schema-research.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { researchPolicy, surveyPolicy } from '../research.policy.ts';
import { findSurveyMedia, listSurveysShowingMedia } from '../survey-media.repository.ts';
import { loadSurvey } from './load-survey.ts';

/**
 * Checks that the viewer may fetch a survey stimulus file: research staff and observers at any time,
 * anyone else when a survey they may see shows it (a draft, or a survey outside their segment, does not
 * count). Anyone else, and another community's file, is not found.
 * @throws AppError(not_found | unauthenticated)
 */
export async function getSurveyMedia({
  ctx,
  community,
  mediaId,
}: {
  ctx: Ctx;
  community: string;
  mediaId: string;
}): Promise<SurveyMediaRow> {
  const loaded = await loadCommunity(ctx, community);
  const media = await findSurveyMedia(ctx.kernel.db, loaded.community.id, mediaId);
  if (!media) throw new AppError('not_found');
  if (researchPolicy.viewResearchResults(ctx.actor, loaded)) return media;
  for (const surveyId of await listSurveysShowingMedia(ctx.kernel.db, loaded.community.id, media.id)) {
    const survey = await loadSurvey(ctx, community, surveyId);
    if (surveyPolicy.view(ctx.actor, survey)) return media;
  }
  throw new AppError('not_found');
}
