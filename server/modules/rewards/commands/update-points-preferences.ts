import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { setOptOut } from '../history.repository.ts';
import { PointsEvents } from '../rewards.events.ts';
import { pointsPolicy } from '../rewards.policy.ts';
import { PointsPreferences } from '../rewards.schemas.ts';

/**
 * Sets whether the actor appears on the community's public leaderboards (active members). Emits
 * `points_preferences.updated` when the choice changes.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden)
 */
export async function updatePointsPreferences({
  ctx,
  community,
  input,
}: {
  ctx: Ctx;
  community: string;
  input: unknown;
}): Promise<{ leaderboardOptOut: boolean }> {
  const body = validate(PointsPreferences, input);
  const loaded = await loadCommunity(ctx, community);
  authorize(pointsPolicy, 'holdPoints', ctx.actor, loaded);
  const communityId = loaded.community.id;
  const memberId = loaded.membership!.id;
  await transact(ctx.kernel, async (trx, emit) => {
    if (!(await setOptOut(trx, communityId, memberId, body.leaderboardOptOut))) return;
    await emit({
      type: PointsEvents.preferencesUpdated,
      communityId,
      actorUserId: ctx.actor!.userId,
      payload: { communityId, memberId, leaderboardOptOut: body.leaderboardOptOut },
    });
  });
  return { leaderboardOptOut: body.leaderboardOptOut };
}
