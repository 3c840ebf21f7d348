import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { communityPolicy } from '../../communities/communities.policy.ts';
import { MemberEvents } from '../members.events.ts';
import { presentMember } from '../members.presenter.ts';
import { countActiveAdmins, findMember, updateMemberRow } from '../members.repository.ts';
import { UpdateMemberBody, type MemberDto } from '../members.schemas.ts';

/**
 * Changes a member's role (community admins) or status (approve, suspend: moderators and admins).
 * Nobody changes their own role or status, and the last active admin cannot be demoted. Emits
 * `member.role_changed` / `member.status_changed`; every change is audited.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden | conflict: last admin)
 */
export async function updateMember({
  ctx,
  community: key,
  memberId,
  input,
}: {
  ctx: Ctx;
  community: string;
  memberId: string;
  input: unknown;
}): Promise<MemberDto> {
  const body = validate(UpdateMemberBody, input);
  const { community, membership } = await loadCommunity(ctx, key);
  const resource = { community, membership };
  if (body.role !== undefined) authorize(communityPolicy, 'changeRoles', ctx.actor, resource);
  if (body.status !== undefined) authorize(communityPolicy, 'manageMembers', ctx.actor, resource);
  const actor = ctx.actor!;
  const target = await findMember(ctx.kernel.db, community.id, memberId);
  if (!target) throw new AppError('not_found');
  if (target.user_id === actor.userId && !actor.isPlatformAdmin) throw new AppError('forbidden');

  const row = await transact(ctx.kernel, async (trx, emit) => {
    const demotesAdmin =
      target.role === 'admin' &&
      target.status === 'active' &&
      ((body.role !== undefined && body.role !== 'admin') ||
        (body.status !== undefined && body.status !== 'active'));
    if (demotesAdmin && (await countActiveAdmins(trx, community.id)) <= 1) throw new AppError('conflict');
    const updated = await updateMemberRow(trx, target.id, { role: body.role, status: body.status });
    const payload = { communityId: community.id, memberId: target.id, pseudonym: target.pseudonym };
    if (body.role !== undefined && body.role !== target.role) {
      await emit({
        type: MemberEvents.roleChanged,
        communityId: community.id,
        actorUserId: actor.userId,
        payload: { ...payload, from: target.role, to: body.role },
      });
    }
    if (body.status !== undefined && body.status !== target.status) {
      await emit({
        type: MemberEvents.statusChanged,
        communityId: community.id,
        actorUserId: actor.userId,
        payload: { ...payload, from: target.status, to: body.status },
      });
    }
    await writeAudit(trx, {
      communityId: community.id,
      actorUserId: actor.userId,
      action: 'member.update',
      targetType: 'membership',
      targetId: target.id,
      data: { from: { role: target.role, status: target.status }, to: body },
    });
    return updated;
  });
  return presentMember(row);
}
