import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { LiveSessionRow } from '../../../platform/db/schema-live.ts';
import { type LoadedCommunity, loadCommunity } from '../../communities/commands/load-community.ts';
import { type LiveSessionResource, livePolicy } from '../live.policy.ts';
import { findParticipant, findSession, findStaffRole } from '../live.repository.ts';

/** A session loaded for the actor, with their part in it. */
export type LoadedLiveSession = LiveSessionResource & {
  row: LiveSessionRow;
  community: LoadedCommunity['community'];
};

/** Completes a session row into the actor's resource: their staff role and participant facts. */
export async function resourceOf(
  ctx: Ctx,
  base: LoadedCommunity,
  row: LiveSessionRow,
): Promise<LoadedLiveSession> {
  const memberId = base.membership?.id;
  const staffRole = await findStaffRole(ctx.kernel.db, row.id, memberId);
  const participant = await findParticipant(ctx.kernel.db, row.id, memberId);
  return {
    ...base,
    row,
    session: { id: row.id, status: row.status },
    staffRole,
    participant: participant
      ? {
          id: participant.id,
          invitation: participant.invitation,
          attendance: participant.attendance,
          muted: participant.muted,
        }
      : null,
  };
}

/**
 * Loads a session of a community for the actor. A session the actor may not view (neither staff nor
 * invited) is not found; an anonymous actor is asked to sign in.
 * @throws AppError(not_found | unauthenticated)
 */
export async function loadLiveSession(
  ctx: Ctx,
  communityKey: string,
  sessionId: string,
): Promise<LoadedLiveSession> {
  const base = await loadCommunity(ctx, communityKey);
  const row = await findSession(ctx.kernel.db, base.community.id, sessionId);
  if (!row) throw new AppError('not_found');
  const loaded = await resourceOf(ctx, base, row);
  if (livePolicy.view(ctx.actor, loaded)) return loaded;
  throw new AppError(ctx.actor ? 'not_found' : 'unauthenticated');
}
