import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { loadBoard } from '../../support/commands/load-support.ts';
import { NotificationEvents } from '../notifications.events.ts';
import { followBoardPolicy } from '../notifications.policy.ts';
import { isFollowing, setFollow } from '../notifications.repository.ts';
import { FollowBody, type FollowStateDto } from '../notifications.schemas.ts';

/**
 * Follows a board (every new published topic in it notifies) or stops following it. Emits
 * `follow.changed` when the state changes.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden: not an active member)
 */
export async function followBoard({
  ctx,
  community,
  board,
  input,
}: {
  ctx: Ctx;
  community: string;
  board: string;
  input: unknown;
}): Promise<FollowStateDto> {
  const body = validate(FollowBody, input);
  const resource = await loadBoard(ctx, community, board);
  authorize(followBoardPolicy, 'follow', ctx.actor, resource);
  const membership = resource.membership!;
  const target = {
    community_id: resource.community.id,
    member_id: membership.id,
    target_type: 'board' as const,
    target_id: resource.board.id,
  };
  await transact(ctx.kernel, async (trx, emit) => {
    const before = await isFollowing(trx, membership.id, 'board', resource.board.id);
    await setFollow(trx, target, body.following);
    if (before === body.following) return;
    await emit({
      type: NotificationEvents.followChanged,
      communityId: resource.community.id,
      actorUserId: ctx.actor!.userId,
      payload: {
        memberId: membership.id,
        targetType: 'board',
        targetId: resource.board.id,
        following: body.following,
      },
    });
  });
  return { targetType: 'board', targetId: resource.board.id, following: body.following };
}

/**
 * Whether the caller follows a board they may read (false for visitors and non-members).
 * @throws AppError(not_found)
 */
export async function getBoardFollow({
  ctx,
  community,
  board,
}: {
  ctx: Ctx;
  community: string;
  board: string;
}): Promise<FollowStateDto & { canFollow: boolean }> {
  const resource = await loadBoard(ctx, community, board);
  const canFollow = followBoardPolicy.follow(ctx.actor, resource);
  const following = canFollow
    ? await isFollowing(ctx.kernel.db, resource.membership!.id, 'board', resource.board.id)
    : false;
  return { targetType: 'board', targetId: resource.board.id, following, canFollow };
}
