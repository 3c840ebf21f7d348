import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { memberPolicy, memberTargetPolicy } from '../members.policy.ts';
import { MemberEvents } from '../members.events.ts';
import { presentMember } from '../members.presenter.ts';
import { rankNamesOf } from '../../rewards/rank-labels.ts';
import {
  countActiveAdmins,
  findMember,
  lockCommunityAndCountMembers,
  updateMemberRow,
} from '../members.repository.ts';
import { UpdateMemberBody, type MemberDto } from '../members.schemas.ts';

/**
 * Changes a member's role (community admins) or status (approve, suspend: moderators act on members and
 * experts, admins on anyone). Nobody changes their own role or status; the last active admin cannot be
 * demoted; approving someone respects the member cap. Changes are serialised on the community row.
 * Emits `member.role_changed` / `member.status_changed`; every change is audited.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden | conflict: last admin or full)
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
  const loaded = await loadCommunity(ctx, key);
  const { community } = loaded;
  if (body.role !== undefined) authorize(memberPolicy, 'changeRoles', ctx.actor, loaded);
  if (body.status !== undefined) authorize(memberPolicy, 'manageMembers', ctx.actor, loaded);
  const actor = ctx.actor!;
  const target = await findMember(ctx.kernel.db, community.id, memberId);
  if (!target) throw new AppError('not_found');
  const targeted = { ...loaded, target: { userId: target.user_id, role: target.role } };
  if (body.role !== undefined) authorize(memberTargetPolicy, 'changeRole', actor, targeted);
  if (body.status !== undefined) authorize(memberTargetPolicy, 'changeStatus', actor, targeted);

  const row = await transact(ctx.kernel, async (trx, emit) => {
    // Lock the community first: concurrent demotions or approvals see each other's effect.
    const activeMembers = await lockCommunityAndCountMembers(trx, community.id);
    const demotesAdmin =
      target.role === 'admin' &&
      target.status === 'active' &&
      ((body.role !== undefined && body.role !== 'admin') ||
        (body.status !== undefined && body.status !== 'active'));
    if (demotesAdmin && (await countActiveAdmins(trx, community.id)) <= 1) throw new AppError('conflict');
    const activates = body.status === 'active' && target.status !== 'active';
    if (activates && community.member_cap !== null && activeMembers >= community.member_cap) {
      throw new AppError('conflict', { messageKey: 'community.full' });
    }
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
  return presentMember(row, await rankNamesOf(ctx.kernel.db, [row.id]));
}
