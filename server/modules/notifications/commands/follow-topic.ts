import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { loadTopic } from '../../support/commands/load-support.ts';
import { NotificationEvents } from '../notifications.events.ts';
import { followTopicPolicy } from '../notifications.policy.ts';
import { findFollowChoice, setFollow } from '../notifications.repository.ts';
import { FollowBody, type FollowStateDto } from '../notifications.schemas.ts';

/**
 * Follows a topic (`following: true`) or stops following it; the choice is kept, so taking part in the
 * topic later does not follow it again. Emits `follow.changed` when the state changes.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden: not an active member)
 */
export async function followTopic({
  ctx,
  community,
  topicId,
  input,
}: {
  ctx: Ctx;
  community: string;
  topicId: string;
  input: unknown;
}): Promise<FollowStateDto> {
  const body = validate(FollowBody, input);
  const resource = await loadTopic(ctx, community, topicId);
  authorize(followTopicPolicy, 'follow', ctx.actor, resource);
  const membership = resource.membership!;
  const target = {
    community_id: resource.community.id,
    member_id: membership.id,
    target_type: 'topic' as const,
    target_id: resource.topic.id,
  };
  await transact(ctx.kernel, async (trx, emit) => {
    const choice = await findFollowChoice(trx, membership.id, 'topic', resource.topic.id);
    const before = choice ?? membership.id === resource.topic.author_id;
    await setFollow(trx, target, body.following);
    if (before === body.following) return;
    await emit({
      type: NotificationEvents.followChanged,
      communityId: resource.community.id,
      actorUserId: ctx.actor!.userId,
      payload: {
        memberId: membership.id,
        targetType: 'topic',
        targetId: resource.topic.id,
        following: body.following,
      },
    });
  });
  return { targetType: 'topic', targetId: resource.topic.id, following: body.following };
}

/**
 * Whether the caller follows a topic they may read (false for visitors and non-members; the asker
 * follows by default).
 * @throws AppError(not_found)
 */
export async function getTopicFollow({
  ctx,
  community,
  topicId,
}: {
  ctx: Ctx;
  community: string;
  topicId: string;
}): Promise<FollowStateDto & { canFollow: boolean }> {
  const resource = await loadTopic(ctx, community, topicId);
  const canFollow = followTopicPolicy.follow(ctx.actor, resource);
  // The asker follows their topic unless they chose otherwise (the subscriber writes that row soon after).
  const choice = canFollow
    ? await findFollowChoice(ctx.kernel.db, resource.membership!.id, 'topic', resource.topic.id)
    : false;
  const following = choice ?? resource.membership!.id === resource.topic.author_id;
  return { targetType: 'topic', targetId: resource.topic.id, following, canFollow };
}
