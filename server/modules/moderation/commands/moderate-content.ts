import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { lockTopicRow, recountTopic } from '../../support/post-edits.repository.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { EVENT_OF_ACTION } from '../moderation.events.ts';
import { moderationPolicy } from '../moderation.policy.ts';
import { rankNamesOf } from '../../rewards/rank-labels.ts';
import { presentQueueItem } from '../moderation.presenter.ts';
import {
  bumpTopicActivity,
  findModeratedPost,
  listOpenFlags,
  listQueueRows,
  resolveOpenFlags,
  setPostStatus,
} from '../moderation.repository.ts';
import { ModerateBody, type QueueItemDto } from '../moderation.schemas.ts';
import { nextStatus } from '../transitions.ts';

/**
 * A moderator's action on a topic or a reply of their community: approve (a pending post is published,
 * or a flagged one kept), hide, delete, or restore (a hidden or deleted post is published again). Resolves
 * the post's open flags, keeps its topic's reply count, activity and solved state right, writes the audit
 * log and emits `content.approved|hidden|deleted|restored`, all in one transaction. Returns the post as
 * the queue shows it.
 * @throws AppError(validation_failed | not_found: unknown or another community's post | unauthenticated |
 *   forbidden | conflict: the action does not apply to the post's current status, or the topic was merged)
 */
export async function moderateContent({
  ctx,
  community,
  input,
}: {
  ctx: Ctx;
  community: string;
  input: unknown;
}): Promise<QueueItemDto> {
  const body = validate(ModerateBody, input);
  const note = body.note?.trim() || null;
  const loaded = await loadCommunity(ctx, community);
  authorize(moderationPolicy, 'moderateContent', ctx.actor, loaded);
  const communityId = loaded.community.id;
  await transact(ctx.kernel, async (trx, emit) => {
    const found = await findModeratedPost(trx, communityId, body.targetType, body.targetId);
    if (!found) throw new AppError('not_found');
    // Topic row first, then the post: the order every other writer of a topic and its replies takes.
    await lockTopicRow(trx, found.topic_id);
    const post = await findModeratedPost(trx, communityId, found.target_type, found.id, true);
    if (!post) throw new AppError('not_found');
    const flagged = (await listOpenFlags(trx, communityId, [post.id])).length > 0;
    const status = nextStatus(body.action, post.status, flagged);
    if (!status) throw new AppError('conflict', { messageKey: 'moderation.invalidAction' });
    // Its replies now live in the topic it was merged into: restoring it would split the thread again.
    if (post.merged_into_id) throw new AppError('conflict', { messageKey: 'moderation.mergedTopic' });
    if (status !== post.status) await setPostStatus(trx, post, status);
    if (post.target_type === 'reply') {
      const appears = status === 'published' && post.status !== 'published';
      if (appears || (post.status === 'published' && status !== 'published')) {
        await recountTopic(trx, post.topic_id);
        if (appears) await bumpTopicActivity(trx, post.topic_id);
      }
    } else if (body.action === 'approve' && post.status === 'pending') {
      await bumpTopicActivity(trx, post.id);
    }
    const resolvedFlags = await resolveOpenFlags(trx, communityId, post, body.action);
    await writeAudit(trx, {
      communityId,
      actorUserId: ctx.actor!.userId,
      action: `content.${body.action}`,
      targetType: post.target_type,
      targetId: post.id,
      data: { from: post.status, to: status, resolvedFlags, note },
    });
    await emit({
      type: EVENT_OF_ACTION[body.action],
      communityId,
      actorUserId: ctx.actor!.userId,
      payload: {
        communityId,
        targetType: post.target_type,
        targetId: post.id,
        topicId: post.topic_id,
        authorId: post.author_id,
        action: body.action,
        previousStatus: post.status,
        status,
        resolvedFlags,
      },
    });
  });
  const only = { targetType: body.targetType, id: body.targetId };
  const [row] = await listQueueRows(ctx.kernel.db, communityId, {
    filter: 'all',
    limit: 1,
    after: null,
    only,
  });
  const ranks = await rankNamesOf(ctx.kernel.db, [row.author_id]);
  return presentQueueItem(
    row,
    await listOpenFlags(ctx.kernel.db, communityId, [body.targetId]),
    ranks.get(row.author_id) ?? null,
  );
}
