import type { Queryable } from '../../../platform/db/database.ts';
import { AppError, type FieldError } from '../../../platform/errors/app-error.ts';
import { mediaRefs } from '../stimulus-rules.ts';
import type { SurveyDefinitionInput } from '../survey-definition.ts';
import { listSurveyMediaByIds } from '../survey-media.repository.ts';

/**
 * Checks the stimulus files a definition refers to (one query): each is a file of this community's survey
 * media (another community's id, or an unknown one, is refused as unknown), and the image of a hotspot
 * question is an image or a logo (not a video or a sound).
 * @throws AppError(validation_failed at the `mediaId` of each refused reference, all at once)
 */
export async function checkSurveyMedia(
  db: Queryable,
  communityId: string,
  definition: SurveyDefinitionInput,
): Promise<void> {
  const refs = mediaRefs(definition);
  if (refs.length === 0) return;
  const rows = await listSurveyMediaByIds(
    db,
    communityId,
    refs.map((r) => r.mediaId),
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const fields: FieldError[] = [];
  for (const ref of refs) {
    const row = byId.get(ref.mediaId);
    if (!row) fields.push({ path: ref.path, key: 'research.validation.mediaUnknown' });
    else if (ref.image && row.kind !== 'image' && row.kind !== 'logo')
      fields.push({ path: ref.path, key: 'research.validation.stimulusImage' });
  }
  if (fields.length > 0) throw new AppError('validation_failed', { fields });
}
