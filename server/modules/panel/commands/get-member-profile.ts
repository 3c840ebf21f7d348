import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { attributeAccess, profilePolicy } from '../panel.policy.ts';
import { presentAttribute } from '../panel.presenter.ts';
import { listAttributeRows, listProfileValues } from '../panel.repository.ts';
import type { MemberProfileDto } from '../panel.schemas.ts';
import { loadProfile } from './load-profile.ts';

/**
 * A member's profile as the actor may see it: the member and staff see the member-filled attributes (staff
 * every one), observers the observer-visible ones; a staff-only value never reaches members or observers.
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function getMemberProfile({
  ctx,
  community,
  memberId,
}: {
  ctx: Ctx;
  community: string;
  memberId: string;
}): Promise<MemberProfileDto> {
  const resource = await loadProfile(ctx, community, memberId);
  authorize(profilePolicy, 'view', ctx.actor, resource);
  const rows = await listAttributeRows(ctx.kernel.db, resource.community.id, [
    'member_editable',
    'observer_visible',
    'staff_only',
  ]);
  const values = await listProfileValues(ctx.kernel.db, resource.subjectMemberId);
  const fields: MemberProfileDto['fields'] = [];
  for (const row of rows) {
    const access = attributeAccess(ctx.actor, resource, row.visibility);
    if (!access.read) continue;
    fields.push({
      attribute: presentAttribute(row),
      value: (values.get(row.id) ?? null) as MemberProfileDto['fields'][number]['value'],
      editable: access.write,
    });
  }
  return { memberId: resource.subjectMemberId, fields };
}
