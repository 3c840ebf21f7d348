import type { Ctx } from '../../../platform/context.ts';
import { isUuid } from '../../../platform/db/ids.ts';
import type { ImageContentType, PostStatus } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { replyPolicy, topicPolicy } from '../support.policy.ts';
import { findUpload } from '../support-media.ts';
import { findReply } from '../support.repository.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { loadTopic } from './load-support.ts';
import { canSeeSurveyUpload } from '../../research/commands/can-see-survey-upload.ts';
import { cataloguePolicy } from '../../rewards/catalogue/catalogue.policy.ts';

/** An image the viewer may see: its sniffed type, size, and whether anonymous readers may see it too. */
export interface ReadableUpload {
  id: string;
  contentType: ImageContentType;
  bytes: number;
  sha256: string;
  public: boolean;
}

/**
 * Checks that the viewer may see an uploaded image. An attached image is visible to whoever reads its
 * post (the topic's rules; a reply also has to be published, or be the viewer's own, or the viewer is
 * staff). A reward's image is visible to whoever sees the catalogue. An unattached one is visible to its
 * uploader, and through a survey: an image choice to whoever sees the survey, a photo/file answer to
 * whoever reads its answers. Anything else is not found.
 * @throws AppError(not_found)
 */
export async function getUpload({ ctx, uploadId }: { ctx: Ctx; uploadId: string }): Promise<ReadableUpload> {
  if (!isUuid(uploadId)) throw new AppError('not_found');
  const upload = await findUpload(ctx.kernel.db, uploadId);
  if (!upload) throw new AppError('not_found');
  const result = {
    id: upload.id,
    contentType: upload.content_type,
    bytes: upload.bytes,
    sha256: upload.sha256,
  };
  if (!upload.target_type || !upload.target_id) {
    const loaded = await loadCommunity(ctx, upload.community_id);
    if (loaded.membership?.id !== upload.uploader_id && !(await canSeeSurveyUpload(ctx, upload)))
      throw new AppError('not_found');
    return { ...result, public: false };
  }
  if (upload.target_type === 'reward') {
    // A reward's image is seen by whoever sees the catalogue.
    const loaded = await loadCommunity(ctx, upload.community_id);
    if (!cataloguePolicy.viewRewards(ctx.actor, loaded)) throw new AppError('not_found');
    const anonymous = { ...loaded, membership: null, invited: false };
    return { ...result, public: cataloguePolicy.viewRewards(null, anonymous) };
  }
  let topicId = upload.target_id;
  let reply: { status: PostStatus; author_id: string } | null = null;
  if (upload.target_type === 'reply') {
    const row = await findReply(ctx.kernel.db, upload.community_id, upload.target_id);
    if (!row) throw new AppError('not_found');
    topicId = row.topic_id;
    reply = row;
  }
  const resource = await loadTopic(ctx, upload.community_id, topicId);
  if (
    reply &&
    !replyPolicy.view(ctx.actor, { ...resource, post: { authorId: reply.author_id, status: reply.status } })
  )
    throw new AppError('not_found');
  const anonymous = { ...resource, membership: null, invited: false };
  return { ...result, public: topicPolicy.view(null, anonymous) && (!reply || reply.status === 'published') };
}
