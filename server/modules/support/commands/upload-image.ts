import { insertUpload } from '../support-media.ts';
import { createHash } from 'node:crypto';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { transact } from '../../../platform/kernel.ts';
import { sniffImage } from '../../../platform/storage/image-sniff.ts';
import { uploadStore } from '../../../platform/storage/local-store.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { presentImage } from '../support-media.ts';
import { SupportEvents } from '../support.events.ts';
import { uploadPolicy } from '../support.policy.ts';
import type { ImageDto } from '../support.schemas.ts';

/** The largest image accepted, in bytes (the `uploads.bytes` check says the same). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** The alt text an image gets from its file name: the name without its extension, dashes as spaces. */
export function altFromFilename(filename: string): string {
  return filename
    .replace(/^.*[\\/]/, '')
    .replace(/\.[a-z0-9]{1,5}$/i, '')
    .replace(/[_-]+/g, ' ')
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, 200);
}

/**
 * Stores an image a member will attach to a post of the community. The type is decided by the file's
 * content (PNG, JPEG, GIF or WebP), never by its name or declared type; at most 5 MB. The file is
 * written under a new UUIDv7, then its row is inserted (the file is removed again if that fails).
 * Emits `image.uploaded`.
 * @throws AppError(validation_failed at /file: missing, too large, or not an accepted image | not_found |
 *   unauthenticated | forbidden: not a member who writes)
 */
export async function uploadImage({
  ctx,
  community,
  file,
  alt,
}: {
  ctx: Ctx;
  community: string;
  file: { data: Buffer; filename: string } | null;
  alt?: string;
}): Promise<ImageDto> {
  if (!file || file.data.length === 0) throw AppError.field('/file', 'validation.imageMissing');
  if (file.data.length > MAX_IMAGE_BYTES)
    throw AppError.field('/file', 'validation.imageTooLarge', { limit: MAX_IMAGE_BYTES / 1024 / 1024 });
  const image = sniffImage(file.data);
  if (!image) throw AppError.field('/file', 'validation.imageType');
  const altText = (alt?.trim() || altFromFilename(file.filename)).slice(0, 200);
  const loaded = await loadCommunity(ctx, community);
  authorize(uploadPolicy, 'upload', ctx.actor, loaded);
  const membership = loaded.membership!;
  const id = newId();
  const store = uploadStore(ctx.kernel);
  await store.put(id, file.data);
  try {
    const row = await transact(ctx.kernel, async (trx, emit) => {
      const inserted = await insertUpload(trx, {
        id,
        community_id: loaded.community.id,
        uploader_id: membership.id,
        content_type: image.contentType,
        bytes: file.data.length,
        width: image.width,
        height: image.height,
        sha256: createHash('sha256').update(file.data).digest('hex'),
        alt: altText,
        target_type: null,
        target_id: null,
        position: null,
      });
      await emit({
        type: SupportEvents.imageUploaded,
        communityId: loaded.community.id,
        actorUserId: ctx.actor!.userId,
        payload: {
          communityId: loaded.community.id,
          uploadId: id,
          uploaderId: membership.id,
          contentType: image.contentType,
          bytes: file.data.length,
        },
      });
      return inserted;
    });
    return presentImage(row);
  } catch (error) {
    await store.remove(id);
    throw error;
  }
}
