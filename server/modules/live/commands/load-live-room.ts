import type { Ctx } from '../../../platform/context.ts';
import type { LiveSessionRow } from '../../../platform/db/schema-live.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { type LiveSessionResource, livePolicy } from '../live.policy.ts';
import { findRoomFacts } from '../live.repository.ts';

/** A session's room loaded for the actor (one query), with the community's slug. */
export type LoadedRoom = LiveSessionResource & { row: LiveSessionRow; communitySlug: string };

/**
 * Loads a session's room by id for the socket layer: a session the actor may not view is not found (an
 * anonymous actor is asked to sign in).
 * @throws AppError(not_found | unauthenticated)
 */
export async function loadLiveRoom(ctx: Ctx, sessionId: string): Promise<LoadedRoom> {
  const facts = await findRoomFacts(ctx.kernel.db, sessionId, ctx.actor?.userId ?? null);
  if (!facts) throw new AppError('not_found');
  const {
    community_slug,
    community_visibility,
    community_join_policy,
    member_id,
    member_role,
    member_status,
    member_pseudonym,
    staff_role,
    participant_id,
    participant_invitation,
    participant_attendance,
    participant_muted,
    ...row
  } = facts;
  const loaded: LoadedRoom = {
    row,
    communitySlug: community_slug,
    community: { id: row.community_id, visibility: community_visibility, join_policy: community_join_policy },
    membership:
      member_id && member_role && member_status && member_pseudonym
        ? { id: member_id, role: member_role, status: member_status, pseudonym: member_pseudonym }
        : null,
    session: { id: row.id, status: row.status },
    staffRole: staff_role ?? null,
    participant:
      participant_id && participant_invitation && participant_attendance
        ? {
            id: participant_id,
            invitation: participant_invitation,
            attendance: participant_attendance,
            muted: !!participant_muted,
          }
        : null,
  };
  if (livePolicy.view(ctx.actor, loaded)) return loaded;
  throw new AppError(ctx.actor ? 'not_found' : 'unauthenticated');
}

/** True when the loaded actor is on the staff side of the room (moderator or observer). */
export function isRoomStaff(ctx: Ctx, room: LoadedRoom): boolean {
  return livePolicy.observe(ctx.actor, room) || livePolicy.manage(ctx.actor, room);
}
