import { writeAudit } from '../../../platform/audit.ts';
import { hasRole } from '../../../platform/authz/actor.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { LiveEvents } from '../live.events.ts';
import { communityLivePolicy } from '../live.policy.ts';
import { insertSession, replaceStaff } from '../live.repository.ts';
import { CreateLiveSessionBody, LIVE_CAPACITY, type LiveSessionDto } from '../live.schemas.ts';
import { getLiveSession } from './get-live-session.ts';
import { checkStaffLists } from './staff-lists.ts';

/**
 * Creates a live session (community admins and moderators). Without moderators named, the creator
 * moderates it when they are a community admin or moderator. Emits `live_session.created`; audited.
 * @throws AppError(validation_failed: input, or staff who are not staff of the community | not_found |
 *   unauthenticated | forbidden)
 */
export async function createLiveSession({
  ctx,
  community: key,
  input,
}: {
  ctx: Ctx;
  community: string;
  input: unknown;
}): Promise<LiveSessionDto> {
  const body = validate(CreateLiveSessionBody, input);
  const loaded = await loadCommunity(ctx, key);
  authorize(communityLivePolicy, 'manageSessions', ctx.actor, loaded);
  // The creator moderates by default when their community role lets them (a platform admin moderates anyway).
  const moderatorIds =
    body.moderatorIds ?? (hasRole(loaded.membership, ['admin', 'moderator']) ? [loaded.membership!.id] : []);
  await checkStaffLists(ctx.kernel.db, loaded.community.id, { moderatorIds, observerIds: body.observerIds });
  const id = newId();
  const session = { id, community_id: loaded.community.id };
  await transact(ctx.kernel, async (trx, emit) => {
    await insertSession(trx, {
      ...session,
      title: body.title.trim(),
      objectives: body.objectives ?? '',
      starts_at: body.startsAt,
      duration_minutes: body.durationMinutes,
      capacity: body.capacity ?? LIVE_CAPACITY.default,
      lobby_minutes: body.lobbyMinutes ?? 10,
      created_by: ctx.actor!.userId,
    });
    await replaceStaff(trx, session, 'moderator', moderatorIds);
    await replaceStaff(trx, session, 'observer', body.observerIds ?? []);
    await emit({
      type: LiveEvents.created,
      communityId: session.community_id,
      actorUserId: ctx.actor!.userId,
      payload: { communityId: session.community_id, sessionId: id, startsAt: body.startsAt },
    });
    await writeAudit(trx, {
      communityId: session.community_id,
      actorUserId: ctx.actor!.userId,
      action: 'live_session.create',
      targetType: 'live_session',
      targetId: id,
    });
  });
  return getLiveSession({ ctx, community: key, sessionId: id });
}
