import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { ProfileResource } from '../panel.policy.ts';
import { findMemberOfCommunity } from '../panel.repository.ts';
import { loadPanel } from './load-panel.ts';

/**
 * Loads a member's profile resource: the community, the actor's membership and whose profile it is.
 * @throws AppError(not_found: unknown community or member)
 */
export async function loadProfile(ctx: Ctx, community: string, memberId: string): Promise<ProfileResource> {
  const resource = await loadPanel(ctx, community);
  const subject = await findMemberOfCommunity(ctx.kernel.db, resource.community.id, memberId);
  if (!subject) throw new AppError('not_found');
  return { ...resource, subjectMemberId: subject.id };
}
