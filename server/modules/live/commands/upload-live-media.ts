import type { LiveMedia } from '../../../../common/live/protocol.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { transact } from '../../../platform/kernel.ts';
import { checkStimulusFile, stimulusColumns } from '../../../platform/storage/stimulus-file.ts';
import { uploadStore } from '../../../platform/storage/local-store.ts';
import { insertMedia } from '../live-media.repository.ts';
import { presentMedia } from '../live.presenter.ts';
import { livePolicy } from '../live.policy.ts';
import { loadLiveSession } from './load-live-session.ts';

const MEDIA_MESSAGES = {
  missing: 'live.error.mediaMissing',
  tooLarge: 'live.error.mediaTooLarge',
  type: 'live.error.mediaType',
  notImage: 'live.error.logoImage',
} as const;

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
  const media = checkStimulusFile(file, MEDIA_MESSAGES, logo);
  const loaded = await loadLiveSession(ctx, community, sessionId);
  authorize(livePolicy, 'manage', ctx.actor, loaded);
  const session = loaded.row;
  if (session.status === 'ended' || session.status === 'cancelled')
    throw new AppError('conflict', { messageKey: 'live.error.closed' });
  const id = newId();
  const store = uploadStore(ctx.kernel);
  await store.put(id, media.data);
  try {
    const row = await transact(ctx.kernel, async (trx) => {
      const inserted = await insertMedia(trx, {
        id,
        community_id: session.community_id,
        session_id: session.id,
        uploader_id: loaded.membership?.id ?? null,
        ...stimulusColumns(media, alt, logo),
      });
      await writeAudit(trx, {
        communityId: session.community_id,
        actorUserId: ctx.actor!.userId,
        action: 'live_session.media_upload',
        targetType: 'live_session',
        targetId: session.id,
        data: { mediaId: id, contentType: media.contentType, bytes: media.data.length },
      });
      return inserted;
    });
    return presentMedia(row);
  } catch (error) {
    await store.remove(id);
    throw error;
  }
}
