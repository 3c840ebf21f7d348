import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError, isUniqueViolation } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { hashInvitationCode } from '../invitation-code.ts';
import { MemberEvents } from '../members.events.ts';
import { memberPolicy } from '../members.policy.ts';
import { presentMember } from '../members.presenter.ts';
import {
  findInvitationForUpdate,
  insertMembership,
  lockCommunityAndCountMembers,
  markInvitationUsed,
} from '../members.repository.ts';
import { JoinBody, type MemberDto } from '../members.schemas.ts';
import { pseudonymKey } from '../pseudonym.ts';

/**
 * Joins a community under a pseudonym unique in it. Open communities admit at once; "by approval" ones
 * create a pending membership; invitation-only ones need a valid, unused, unexpired code (which also
 * reveals a hidden community). The member cap is enforced under a row lock. Emits `member.joined` or
 * `member.join_requested`.
 * @throws AppError(validation_failed: pseudonym taken/format | conflict: full or already a member |
 *   gone: invitation expired or used | forbidden | unauthenticated | not_found)
 */
export async function joinCommunity({
  ctx,
  community: key,
  input,
}: {
  ctx: Ctx;
  community: string;
  input: unknown;
}): Promise<MemberDto> {
  const body = validate(JoinBody, input);
  const loaded = await loadCommunity(ctx, key, { invitationCode: body.invitationCode });
  const { community, membership } = loaded;
  if (membership) throw new AppError('conflict', { messageKey: 'join.alreadyMember' });
  authorize(memberPolicy, 'join', ctx.actor, loaded);
  const actor = ctx.actor!;
  const pseudonym = body.pseudonym.trim();
  try {
    const row = await transact(ctx.kernel, async (trx, emit) => {
      let invitationId: string | null = null;
      // An invitation-only community needs a code; a code presented elsewhere (a hidden community
      // reached through an invitation link) is checked and consumed the same way.
      if (community.join_policy === 'invitation' || body.invitationCode) {
        if (!body.invitationCode) throw AppError.field('/invitationCode', 'validation.required');
        const invitation = await findInvitationForUpdate(
          trx,
          community.id,
          hashInvitationCode(body.invitationCode),
        );
        if (!invitation) throw AppError.field('/invitationCode', 'validation.invalidFormat');
        if (invitation.used_at || invitation.expires_at < new Date()) throw new AppError('gone');
        if (invitation.email && invitation.email.toLowerCase() !== actor.email.toLowerCase()) {
          throw new AppError('forbidden');
        }
        invitationId = invitation.id;
      }
      const status = community.join_policy === 'approval' ? 'pending' : 'active';
      if (status === 'active' && community.member_cap !== null) {
        const active = await lockCommunityAndCountMembers(trx, community.id);
        if (active >= community.member_cap) throw new AppError('conflict', { messageKey: 'community.full' });
      }
      const created = await insertMembership(trx, {
        id: newId(),
        community_id: community.id,
        user_id: actor.userId,
        pseudonym,
        pseudonym_key: pseudonymKey(pseudonym),
        status,
      });
      if (invitationId) await markInvitationUsed(trx, invitationId, actor.userId);
      await emit({
        type: status === 'active' ? MemberEvents.joined : MemberEvents.requested,
        communityId: community.id,
        actorUserId: actor.userId,
        payload: { communityId: community.id, memberId: created.id, pseudonym: created.pseudonym },
      });
      return created;
    });
    return presentMember(row);
  } catch (error) {
    if (isUniqueViolation(error, 'memberships_community_id_pseudonym_key_key')) {
      throw AppError.field('/pseudonym', 'validation.pseudonymTaken');
    }
    if (isUniqueViolation(error, 'memberships_community_id_user_id_key')) {
      throw new AppError('conflict', { messageKey: 'join.alreadyMember' });
    }
    throw error;
  }
}
