import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { surveyPolicy } from '../research.policy.ts';
import { listSurveysUsingUpload } from '../research.repository.ts';
import { loadSurvey } from './load-survey.ts';

/**
 * Whether the viewer may see an upload that no post holds, through a survey: an image choice is visible
 * to whoever sees its survey; a photo/file answer to whoever reads that survey's answers (staff, observers).
 * The upload-serving rule asks this when the viewer is not the uploader.
 */
export async function canSeeSurveyUpload(
  ctx: Ctx,
  upload: { id: string; community_id: string; uploader_id: string },
): Promise<boolean> {
  for (const use of await listSurveysUsingUpload(ctx.kernel.db, upload)) {
    let loaded;
    try {
      loaded = await loadSurvey(ctx, upload.community_id, use.id);
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') continue;
      throw error;
    }
    if (use.usage === 'choice' || surveyPolicy.viewAnswers(ctx.actor, loaded)) return true;
  }
  return false;
}
