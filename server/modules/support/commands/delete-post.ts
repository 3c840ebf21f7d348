import { writeAudit } from '../../../platform/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { transact } from '../../../platform/kernel.ts';
import { lockReplyRow, lockTopicRow, softDeleteReply, softDeleteTopic } from '../post-edits.repository.ts';
import { SupportEvents } from '../support.events.ts';
import { replyPolicy, topicPolicy } from '../support.policy.ts';
import type { DeletedPostDto } from '../support.schemas.ts';
import { actsOnOthers, authorizeChange, loadReplyForChange } from './load-post.ts';
import { loadTopic } from './load-support.ts';

/**
 * Soft-deletes a topic or a reply (status `deleted`; the row stays for staff and the audit): its author
 * (an active member, topic not locked; a topic only while nobody replied) or staff. A deleted reply no
 * longer counts on its topic, and a topic whose only solution is deleted is no longer solved. Deleting
 * an already deleted post (which only staff still see) changes nothing. Emits `topic.deleted` or
 * `reply.deleted`; staff deleting someone else's post is audited. Returns the post's id and new status.
 * @throws AppError(not_found | unauthenticated | forbidden: not the author nor staff, a locked topic, or
 *   a topic with replies deleted by its author)
 */
export async function deletePost({
  ctx,
  community,
  target,
}: {
  ctx: Ctx;
  community: string;
  target: { type: 'topic' | 'reply'; id: string };
}): Promise<DeletedPostDto> {
  const id =
    target.type === 'topic'
      ? await deleteTopic(ctx, community, target.id)
      : await deleteReply(ctx, community, target.id);
  return { targetType: target.type, id, status: 'deleted' };
}

async function deleteTopic(ctx: Ctx, community: string, topicId: string) {
  const resource = await loadTopic(ctx, community, topicId);
  const { topic } = resource;
  if (topic.status === 'deleted') return topic.id;
  const own = !actsOnOthers(resource, topic.author_id);
  if (own && topicPolicy.edit(ctx.actor, resource) && !topicPolicy.delete(ctx.actor, resource))
    throw new AppError('forbidden', { messageKey: 'support.delete.hasReplies' });
  authorizeChange(topicPolicy, 'delete', ctx.actor, resource, topic.author_id);
  const communityId = resource.community.id;
  const actorUserId = ctx.actor!.userId;
  await transact(ctx.kernel, async (trx, emit) => {
    const current = await lockTopicRow(trx, topic.id);
    if (current.status === 'deleted') return;
    await softDeleteTopic(trx, topic.id);
    await emit({
      type: SupportEvents.topicDeleted,
      communityId,
      actorUserId,
      payload: { communityId, topicId: topic.id, boardId: topic.board_id, authorId: topic.author_id },
    });
    if (!own) {
      await writeAudit(trx, {
        communityId,
        actorUserId,
        action: 'topic.delete',
        targetType: 'topic',
        targetId: topic.id,
        data: { boardId: topic.board_id, title: topic.title },
      });
    }
  });
  return topic.id;
}

async function deleteReply(ctx: Ctx, community: string, replyId: string) {
  const resource = await loadReplyForChange(ctx, community, replyId);
  const { reply } = resource;
  if (reply.status === 'deleted') return reply.id;
  authorizeChange(replyPolicy, 'delete', ctx.actor, resource, reply.author_id);
  const communityId = resource.community.id;
  const actorUserId = ctx.actor!.userId;
  await transact(ctx.kernel, async (trx, emit) => {
    await lockTopicRow(trx, reply.topic_id);
    if ((await lockReplyRow(trx, reply.id)).status === 'deleted') return;
    await softDeleteReply(trx, reply);
    await emit({
      type: SupportEvents.replyDeleted,
      communityId,
      actorUserId,
      payload: {
        communityId,
        topicId: reply.topic_id,
        replyId: reply.id,
        authorId: reply.author_id,
        wasSolution: reply.is_solution,
      },
    });
    if (actsOnOthers(resource, reply.author_id)) {
      await writeAudit(trx, {
        communityId,
        actorUserId,
        action: 'reply.delete',
        targetType: 'reply',
        targetId: reply.id,
        data: { topicId: reply.topic_id },
      });
    }
  });
  return reply.id;
}
