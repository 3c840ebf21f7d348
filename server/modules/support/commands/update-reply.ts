import { writeAudit } from '../../../platform/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { renderMarkdown } from '../../../platform/text/markdown.ts';
import { insertRevision, lockReplyRow, updateReplyContent } from '../post-edits.repository.ts';
import { listImagesOf } from '../support-media.ts';
import { SupportEvents } from '../support.events.ts';
import { replyPolicy } from '../support.policy.ts';
import { presentReply } from '../support.presenter.ts';
import { findAuthor } from '../support.repository.ts';
import { type ReplyDto, UpdateReplyBody } from '../support.schemas.ts';
import { actsOnOthers, authorizeChange, loadReplyForChange } from './load-post.ts';

/**
 * Edits a reply's body: its author (an active member, topic not locked) or staff. The previous version
 * goes to the edit history, the Markdown is rendered again and the reply shows as edited. Emits
 * `reply.updated` (nothing when the body is unchanged); staff editing someone else's reply is audited.
 * @throws AppError(validation_failed: input or blank body | not_found | unauthenticated | forbidden: not
 *   the author nor staff, or a locked topic | conflict: a deleted reply)
 */
export async function updateReply({
  ctx,
  community,
  replyId,
  input,
}: {
  ctx: Ctx;
  community: string;
  replyId: string;
  input: unknown;
}): Promise<ReplyDto> {
  const body = validate(UpdateReplyBody, input);
  if (body.body.trim() === '') throw AppError.field('/body', 'validation.required');
  const resource = await loadReplyForChange(ctx, community, replyId);
  const { reply } = resource;
  authorizeChange(replyPolicy, 'edit', ctx.actor, resource, reply.author_id);
  if (reply.status === 'deleted') throw new AppError('conflict', { messageKey: 'support.edit.deletedPost' });

  const communityId = resource.community.id;
  const actorUserId = ctx.actor!.userId;
  const row = await transact(ctx.kernel, async (trx, emit) => {
    const current = await lockReplyRow(trx, reply.id);
    if (current.body === body.body) return current;
    await insertRevision(trx, {
      id: newId(),
      community_id: communityId,
      target_type: 'reply',
      target_id: reply.id,
      editor_id: resource.membership?.id ?? null,
      title: null,
      body: current.body,
    });
    await updateReplyContent(trx, reply.id, { body: body.body, body_html: renderMarkdown(body.body) });
    await emit({
      type: SupportEvents.replyUpdated,
      communityId,
      actorUserId,
      payload: { communityId, topicId: reply.topic_id, replyId: reply.id, authorId: reply.author_id },
    });
    if (actsOnOthers(resource, reply.author_id)) {
      await writeAudit(trx, {
        communityId,
        actorUserId,
        action: 'reply.edit',
        targetType: 'reply',
        targetId: reply.id,
        data: { topicId: reply.topic_id },
      });
    }
    return lockReplyRow(trx, reply.id);
  });
  const [author, images] = await Promise.all([
    findAuthor(ctx.kernel.db, row.author_id),
    listImagesOf(ctx.kernel.db, 'reply', [row.id]),
  ]);
  return presentReply(
    {
      ...row,
      author_pseudonym: author.pseudonym,
      author_role: author.role,
      images: images.get(row.id) ?? [],
    },
    ctx.actor,
    resource,
  );
}
