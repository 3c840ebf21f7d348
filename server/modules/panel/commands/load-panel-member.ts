import type { Ctx } from '../../../platform/context.ts';
import { isUuid } from '../../../platform/db/ids.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import { panelPolicy, type PanelResource } from '../panel.policy.ts';
import { findPanelMember } from '../panel-quality.repository.ts';
import { loadPanel } from './load-panel.ts';

/**
 * Loads a community for reviewing one of its members (staff), then the member.
 * @throws AppError(not_found: unknown community or member | unauthenticated | forbidden)
 */
export async function loadReviewedMember(ctx: Ctx, community: string, memberId: string) {
  const resource: PanelResource = await loadPanel(ctx, community);
  authorize(panelPolicy, 'reviewMembers', ctx.actor, resource);
  const member = isUuid(memberId)
    ? await findPanelMember(ctx.kernel.db, resource.community.id, memberId)
    : undefined;
  if (!member) throw new AppError('not_found');
  return { resource, member };
}
