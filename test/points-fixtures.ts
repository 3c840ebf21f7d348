import { newId } from '../server/platform/db/ids.ts';
import type { StoredEvent } from '../server/platform/events/outbox.ts';
import { transact } from '../server/platform/kernel.ts';
import { awardPoints } from '../server/modules/rewards/award-points.ts';
import type { PointAction } from '../server/modules/rewards/point-rules.ts';
import { testApp } from './helpers.ts';

/**
 * Awards points to a member as an event would (a fresh event id and source each time unless given):
 * the rules, caps and review period apply. Returns the award row, or null when nothing was due.
 */
export async function seedAward(
  communityId: string,
  memberId: string,
  options: { action?: PointAction; sourceType?: string; sourceId?: string; counterpartId?: string } = {},
) {
  const { kernel } = await testApp();
  return transact(kernel, (trx) =>
    awardPoints(trx, {
      communityId,
      memberId,
      action: options.action ?? 'solution.accepted',
      sourceEventId: newId(),
      sourceType: options.sourceType ?? 'reply',
      sourceId: options.sourceId ?? newId(),
      counterpartId: options.counterpartId ?? null,
    }),
  );
}

/** Opens a burst flag for a member directly (closing the one already open: there is one at most). */
export async function seedPointsFlag(communityId: string, memberId: string): Promise<string> {
  const { kernel } = await testApp();
  const id = newId();
  await kernel.db
    .updateTable('points_flags')
    .set({ resolved_at: new Date() })
    .where('member_id', '=', memberId)
    .where('resolved_at', 'is', null)
    .execute();
  await kernel.db
    .insertInto('points_flags')
    .values({ id, community_id: communityId, member_id: memberId, points_in_hour: 300, threshold: 200 })
    .execute();
  return id;
}

/** Creates a hand-awarded badge directly; with `memberId`, also awards it. */
export async function seedBadge(communityId: string, memberId?: string) {
  const { kernel } = await testApp();
  const badgeId = newId();
  await kernel.db
    .insertInto('badges')
    .values({ id: badgeId, community_id: communityId, name: `Badge ${badgeId.slice(-8)}` })
    .execute();
  let memberBadgeId: string | null = null;
  if (memberId) {
    memberBadgeId = newId();
    await kernel.db
      .insertInto('member_badges')
      .values({ id: memberBadgeId, community_id: communityId, badge_id: badgeId, member_id: memberId })
      .execute();
  }
  return { badgeId, memberBadgeId };
}

/** The last stored event of a type in a community, as subscribers receive it. */
export async function lastStoredEvent(communityId: string, type: string): Promise<StoredEvent> {
  const { kernel } = await testApp();
  const row = await kernel.db
    .selectFrom('outbox_events')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('type', '=', type)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    type: row.type,
    communityId: row.community_id,
    actorUserId: row.actor_user_id,
    payload: row.payload as Record<string, unknown>,
    createdAt: row.created_at,
  };
}
