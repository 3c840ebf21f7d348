import type { Actor } from '../../../platform/authz/actor.ts';
import { authorize, type Policy } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { type TopicResource, topicPolicy } from '../support.policy.ts';
import { findReply } from '../support.repository.ts';
import { loadTopicIn } from './load-support.ts';

/**
 * Loads a reply to edit, delete or read the history of, with its topic: published replies for the
 * topic's readers; pending, hidden and deleted ones for staff only. Others are not found.
 * @throws AppError(not_found)
 */
export async function loadReplyForChange(ctx: Ctx, communityKey: string, replyId: string) {
  const loaded = await loadCommunity(ctx, communityKey);
  const reply = await findReply(ctx.kernel.db, loaded.community.id, replyId);
  if (!reply) throw new AppError('not_found');
  const resource = await loadTopicIn(ctx, loaded, reply.topic_id);
  if (reply.status !== 'published' && !topicPolicy.moderate(ctx.actor, resource))
    throw new AppError('not_found');
  return { ...resource, reply, post: { authorId: reply.author_id } };
}

/**
 * Checks an ability to change a post like `authorize`, telling its author why when the topic is locked
 * (they may no longer change it).
 * @throws AppError(unauthenticated | forbidden)
 */
export function authorizeChange<R extends TopicResource, K extends string>(
  policy: Policy<R, K>,
  ability: K,
  actor: Actor | null,
  resource: R,
  authorId: string,
): void {
  const author = !actsOnOthers(resource, authorId);
  if (actor && author && resource.topic.locked && !policy[ability](actor, resource))
    throw new AppError('forbidden', { messageKey: 'support.edit.lockedTopic' });
  authorize(policy, ability, actor, resource);
}

/** Whether the actor changes a post that is not their own (a staff action, written to the audit log). */
export function actsOnOthers(resource: TopicResource, authorId: string): boolean {
  return resource.membership?.id !== authorId;
}
