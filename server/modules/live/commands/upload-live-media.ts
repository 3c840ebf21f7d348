import { createHash } from 'node:crypto';
import type { LiveMedia } from '../../../../common/live/protocol.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { transact } from '../../../platform/kernel.ts';
import { sniffMedia } from '../../../platform/storage/media-sniff.ts';
import { uploadStore } from '../../../platform/storage/local-store.ts';
import { insertMedia } from '../live-media.repository.ts';
import { presentMedia } from '../live.presenter.ts';
import { livePolicy } from '../live.policy.ts';
import { loadLiveSession } from './load-live-session.ts';

/** The largest stimulus image or logo, in bytes. */
export const MAX_LIVE_IMAGE_BYTES = 5 * 1024 * 1024;
/** The largest stimulus video or sound, in bytes (the `live_media.bytes` check says the same). */
export const MAX_LIVE_MEDIA_BYTES = 50 * 1024 * 1024;
const MB = 1024 * 1024;

/**
 * Stores a stimulus file of a session (its moderators): an image (or, with `logo`, a logo), a video or a
 * sound. The type is decided by the content (PNG, JPEG, GIF, WebP; MP4, QuickTime, WebM, Ogg; MP3, M4A,
 * WAV, FLAC), never by the name; images at most 5 MB, videos and sounds 50 MB. A guide item of kind
 * stimulus then refers to it by id. Audited.
 * @throws AppError(validation_failed at /file: missing, too large or not accepted | not_found |
 *   unauthenticated | forbidden | conflict: the session is over)
 */
export async function uploadLiveMedia({
  ctx,
  community,
  sessionId,
  file,
  alt,
  logo,
}: {
  ctx: Ctx;
  community: string;
  sessionId: string;
  file: { data: Buffer; filename: string } | null;
  alt?: string;
  logo?: boolean;
}): Promise<LiveMedia> {
  if (!file || file.data.length === 0) throw AppError.field('/file', 'live.error.mediaMissing');
  if (file.data.length > MAX_LIVE_MEDIA_BYTES)
    throw AppError.field('/file', 'live.error.mediaTooLarge', { limit: MAX_LIVE_MEDIA_BYTES / MB });
  const media = sniffMedia(file.data);
  if (!media) throw AppError.field('/file', 'live.error.mediaType');
  if (media.kind === 'image' && file.data.length > MAX_LIVE_IMAGE_BYTES)
    throw AppError.field('/file', 'validation.imageTooLarge', { limit: MAX_LIVE_IMAGE_BYTES / MB });
  if (logo && media.kind !== 'image') throw AppError.field('/file', 'live.error.logoImage');
  const loaded = await loadLiveSession(ctx, community, sessionId);
  authorize(livePolicy, 'manage', ctx.actor, loaded);
  const session = loaded.row;
  if (session.status === 'ended' || session.status === 'cancelled')
    throw new AppError('conflict', { messageKey: 'live.error.closed' });
  const id = newId();
  const store = uploadStore(ctx.kernel);
  await store.put(id, file.data);
  try {
    const row = await transact(ctx.kernel, async (trx) => {
      const inserted = await insertMedia(trx, {
        id,
        community_id: session.community_id,
        session_id: session.id,
        uploader_id: loaded.membership?.id ?? null,
        kind: logo ? 'logo' : media.kind,
        content_type: media.contentType,
        bytes: file.data.length,
        sha256: createHash('sha256').update(file.data).digest('hex'),
        width: media.width,
        height: media.height,
        alt: (alt?.trim() || file.filename.replace(/^.*[\\/]/, '').replace(/\p{Cc}/gu, '')).slice(0, 200),
      });
      await writeAudit(trx, {
        communityId: session.community_id,
        actorUserId: ctx.actor!.userId,
        action: 'live_session.media_upload',
        targetType: 'live_session',
        targetId: session.id,
        data: { mediaId: id, contentType: media.contentType, bytes: file.data.length },
      });
      return inserted;
    });
    return presentMedia(row);
  } catch (error) {
    await store.remove(id);
    throw error;
  }
}
