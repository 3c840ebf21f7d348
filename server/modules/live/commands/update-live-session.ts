import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { LiveEvents } from '../live.events.ts';
import { livePolicy } from '../live.policy.ts';
import { lockSession, replaceStaff, updateSessionRow } from '../live.repository.ts';
import { type LiveSessionDto, UpdateLiveSessionBody } from '../live.schemas.ts';
import { getLiveSession } from './get-live-session.ts';
import { loadLiveSession } from './load-live-session.ts';
import { checkStaffLists } from './staff-lists.ts';

/**
 * Changes a session's settings or staff, or cancels it (its moderators). A session that ended or was
 * cancelled no longer changes. Emits `live_session.updated` with the changed fields; audited.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden | conflict: ended)
 */
export async function updateLiveSession({
  ctx,
  community,
  sessionId,
  input,
}: {
  ctx: Ctx;
  community: string;
  sessionId: string;
  input: unknown;
}): Promise<LiveSessionDto> {
  const body = validate(UpdateLiveSessionBody, input);
  const loaded = await loadLiveSession(ctx, community, sessionId);
  authorize(livePolicy, 'manage', ctx.actor, loaded);
  await checkStaffLists(ctx.kernel.db, loaded.row.community_id, body);
  const changed = Object.keys(body).sort();
  await transact(ctx.kernel, async (trx, emit) => {
    const row = await lockSession(trx, loaded.row.id);
    if (row.status === 'ended' || row.status === 'cancelled')
      throw new AppError('conflict', { messageKey: 'live.error.closed' });
    if (body.status === 'cancelled' && row.status !== 'scheduled')
      throw new AppError('conflict', { messageKey: 'live.error.alreadyLive' });
    await updateSessionRow(trx, row.id, {
      ...(body.title !== undefined ? { title: body.title.trim() } : {}),
      ...(body.objectives !== undefined ? { objectives: body.objectives } : {}),
      ...(body.startsAt !== undefined ? { starts_at: body.startsAt } : {}),
      ...(body.durationMinutes !== undefined ? { duration_minutes: body.durationMinutes } : {}),
      ...(body.capacity !== undefined ? { capacity: body.capacity } : {}),
      ...(body.lobbyMinutes !== undefined ? { lobby_minutes: body.lobbyMinutes } : {}),
      ...(body.status ? { status: body.status } : {}),
    });
    if (body.moderatorIds) await replaceStaff(trx, row, 'moderator', body.moderatorIds);
    if (body.observerIds) await replaceStaff(trx, row, 'observer', body.observerIds);
    await emit({
      type: LiveEvents.updated,
      communityId: row.community_id,
      actorUserId: ctx.actor!.userId,
      payload: { communityId: row.community_id, sessionId: row.id, changed },
    });
    await writeAudit(trx, {
      communityId: row.community_id,
      actorUserId: ctx.actor!.userId,
      action: 'live_session.update',
      targetType: 'live_session',
      targetId: row.id,
      data: { changed },
    });
  });
  return getLiveSession({ ctx, community, sessionId: loaded.row.id });
}
