import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { transact } from '../../../platform/kernel.ts';
import { checkStimulusFile, stimulusColumns } from '../../../platform/storage/stimulus-file.ts';
import { uploadStore } from '../../../platform/storage/local-store.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { presentSurveyMedia } from '../research.presenter.ts';
import { researchPolicy } from '../research.policy.ts';
import type { SurveyMediaDto } from '../research.schemas.ts';
import { insertSurveyMedia } from '../survey-media.repository.ts';

const MEDIA_MESSAGES = {
  missing: 'research.media.missing',
  tooLarge: 'research.media.tooLarge',
  type: 'research.media.type',
  notImage: 'research.validation.stimulusImage',
} as const;

/**
 * Stores a stimulus file for the community's surveys (research staff): an image (with `logo`, a logo), a
 * video or a sound. The type is decided by the content (PNG, JPEG, GIF, WebP; MP4, QuickTime, WebM, Ogg;
 * MP3, M4A, WAV, FLAC), never by the name; images at most 5 MB, videos and sounds 50 MB. With `expect:
 * 'image'` anything but an image is refused (the image of a hotspot question). A question's `stimulus` or a
 * preference variant then refers to it by id. Audited.
 * @throws AppError(validation_failed at /file: missing, too large, not accepted, not an image when one is
 *   expected | not_found | unauthenticated | forbidden)
 */
export async function uploadSurveyMedia({
  ctx,
  community,
  file,
  alt,
  logo,
  expect,
}: {
  ctx: Ctx;
  community: string;
  file: { data: Buffer; filename: string } | null;
  alt?: string;
  logo?: boolean;
  expect?: 'image';
}): Promise<SurveyMediaDto> {
  const media = checkStimulusFile(file, MEDIA_MESSAGES, logo || expect === 'image');
  const loaded = await loadCommunity(ctx, community);
  authorize(researchPolicy, 'manageResearch', ctx.actor, loaded);
  const id = newId();
  const store = uploadStore(ctx.kernel);
  await store.put(id, media.data);
  try {
    const row = await transact(ctx.kernel, async (trx) => {
      const inserted = await insertSurveyMedia(trx, {
        id,
        community_id: loaded.community.id,
        uploader_id: loaded.membership?.id ?? null,
        ...stimulusColumns(media, alt, logo),
      });
      await writeAudit(trx, {
        communityId: loaded.community.id,
        actorUserId: ctx.actor!.userId,
        action: 'survey.media_upload',
        targetType: 'survey_media',
        targetId: id,
        data: { contentType: media.contentType, bytes: media.data.length },
      });
      return inserted;
    });
    return presentSurveyMedia(row);
  } catch (error) {
    await store.remove(id);
    throw error;
  }
}
