import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { transact } from '../../../platform/kernel.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { memberPolicy } from '../members.policy.ts';
import { MemberEvents } from '../members.events.ts';
import { findIdentity, findMember, insertAccessLog } from '../members.repository.ts';
import type { MemberIdentityDto } from '../members.schemas.ts';

const FIELDS = ['name', 'email', 'phone'];

/**
 * Reveals a member's real identity to staff holding the right, and writes the read to the access log in
 * the same transaction (no log, no identity). Emits `member.identity_viewed`.
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function getMemberIdentity({
  ctx,
  community: key,
  memberId,
  purpose,
}: {
  ctx: Ctx;
  community: string;
  memberId: string;
  purpose?: string;
}): Promise<MemberIdentityDto> {
  const { community, membership } = await loadCommunity(ctx, key);
  authorize(memberPolicy, 'viewIdentity', ctx.actor, { community, membership });
  const target = await findMember(ctx.kernel.db, community.id, memberId);
  if (!target) throw new AppError('not_found');
  const actor = ctx.actor!;
  return transact(ctx.kernel, async (trx, emit) => {
    const identity = await findIdentity(trx, target.user_id);
    await insertAccessLog(trx, {
      id: newId(),
      community_id: community.id,
      actor_user_id: actor.userId,
      subject_membership_id: target.id,
      fields: FIELDS,
      purpose: purpose?.trim() || 'profile',
    });
    await emit({
      type: MemberEvents.identityViewed,
      communityId: community.id,
      actorUserId: actor.userId,
      payload: { communityId: community.id, memberId: target.id, fields: FIELDS },
    });
    return { memberId: target.id, name: identity.name, email: identity.email, phone: identity.phone };
  });
}
