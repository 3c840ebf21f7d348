import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { PanelEvents } from '../panel.events.ts';
import { attributeAccess, profilePolicy } from '../panel.policy.ts';
import { findAttributeRows, upsertProfileValue } from '../panel.repository.ts';
import { attributeValueProblem } from '../panel-rules.ts';
import { type MemberProfileDto, UpdateProfileBody } from '../panel.schemas.ts';
import { getMemberProfile } from './get-member-profile.ts';
import { loadProfile } from './load-profile.ts';

/**
 * Sets or clears (null) values of a member's profile: the member their member-filled attributes, staff any
 * attribute (audited when it is not their own profile). An attribute the actor may not write, or may not
 * even see, is refused on its field like an unknown one. Emits `profile.updated` with the attribute ids.
 * @throws AppError(validation_failed at /values/<attributeId> | not_found | unauthenticated | forbidden)
 */
export async function updateMemberProfile({
  ctx,
  community,
  memberId,
  input,
}: {
  ctx: Ctx;
  community: string;
  memberId: string;
  input: unknown;
}): Promise<MemberProfileDto> {
  const body = validate(UpdateProfileBody, input);
  const resource = await loadProfile(ctx, community, memberId);
  authorize(profilePolicy, 'edit', ctx.actor, resource);
  const communityId = resource.community.id;
  const ids = Object.keys(body.values);
  const rows = new Map(
    (await findAttributeRows(ctx.kernel.db, communityId, ids)).map((row) => [row.id, row]),
  );
  for (const id of ids) {
    const row = rows.get(id);
    if (!row || !attributeAccess(ctx.actor, resource, row.visibility).write)
      throw AppError.field(`/values/${id}`, 'validation.invalidChoice');
    const value = body.values[id];
    const problem = value === null ? null : attributeValueProblem(row, value);
    if (problem) throw AppError.field(`/values/${id}`, problem);
  }
  if (ids.length > 0) {
    await transact(ctx.kernel, async (trx, emit) => {
      for (const id of ids) {
        const value = body.values[id];
        await upsertProfileValue(trx, {
          communityId,
          attributeId: id,
          memberId: resource.subjectMemberId,
          value: typeof value === 'string' ? value.trim() : value,
        });
      }
      if (resource.membership?.id !== resource.subjectMemberId) {
        await writeAudit(trx, {
          communityId,
          actorUserId: ctx.actor!.userId,
          action: 'profile.update',
          targetType: 'membership',
          targetId: resource.subjectMemberId,
          data: { attributeIds: ids },
        });
      }
      await emit({
        type: PanelEvents.profileUpdated,
        communityId,
        actorUserId: ctx.actor!.userId,
        payload: { communityId, memberId: resource.subjectMemberId, attributeIds: ids },
      });
    });
  }
  return getMemberProfile({ ctx, community, memberId: resource.subjectMemberId });
}
