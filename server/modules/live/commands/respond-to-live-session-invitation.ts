import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { LiveEvents } from '../live.events.ts';
import { livePolicy } from '../live.policy.ts';
import { setInvitation } from '../live.repository.ts';
import { type LiveSessionDto, RespondToInvitationBody } from '../live.schemas.ts';
import { getLiveSession } from './get-live-session.ts';
import { loadLiveSession } from './load-live-session.ts';

/**
 * An invited member accepts or declines (and may change their mind while the session has not ended).
 * Emits `live_session.invitation_answered`.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden: not invited, or ended)
 */
export async function respondToLiveSessionInvitation({
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
  const body = validate(RespondToInvitationBody, input);
  const loaded = await loadLiveSession(ctx, community, sessionId);
  authorize(livePolicy, 'respond', ctx.actor, loaded);
  const participant = loaded.participant!;
  if (participant.invitation !== body.response) {
    await transact(ctx.kernel, async (trx, emit) => {
      await setInvitation(trx, participant.id, body.response);
      await emit({
        type: LiveEvents.invitationAnswered,
        communityId: loaded.row.community_id,
        actorUserId: ctx.actor!.userId,
        payload: {
          communityId: loaded.row.community_id,
          sessionId: loaded.row.id,
          memberId: loaded.membership!.id,
          response: body.response,
        },
      });
    });
  }
  return getLiveSession({ ctx, community, sessionId: loaded.row.id });
}
