import type { Ctx } from '../../../platform/context.ts';
import type { LiveMediaRow } from '../../../platform/db/schema-live.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { findMedia, isMediaSent } from '../live-media.repository.ts';
import { livePolicy } from '../live.policy.ts';
import { loadLiveSession } from './load-live-session.ts';

/**
 * Checks that the viewer may fetch a media file of a session: its moderators and observers at any time,
 * a participant once a stimulus showing it was sent to the room. Anyone else, and any other file, is not
 * found.
 * @throws AppError(not_found | unauthenticated)
 */
export async function getLiveMedia({
  ctx,
  community,
  sessionId,
  mediaId,
}: {
  ctx: Ctx;
  community: string;
  sessionId: string;
  mediaId: string;
}): Promise<LiveMediaRow> {
  const loaded = await loadLiveSession(ctx, community, sessionId);
  const media = await findMedia(ctx.kernel.db, loaded.row.id, mediaId);
  if (!media) throw new AppError('not_found');
  if (livePolicy.readTranscript(ctx.actor, loaded)) return media;
  if (!livePolicy.viewStimuli(ctx.actor, loaded)) throw new AppError('not_found');
  if (!(await isMediaSent(ctx.kernel.db, loaded.row.id, media.id))) throw new AppError('not_found');
  return media;
}
