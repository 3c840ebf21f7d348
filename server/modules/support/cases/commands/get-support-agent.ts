import { authorize } from '../../../../platform/authz/policy.ts';
import type { Ctx } from '../../../../platform/context.ts';
import { AppError } from '../../../../platform/errors/app-error.ts';
import { casePolicy } from '../cases.policy.ts';
import { findCaseWorker } from '../cases.repository.ts';
import { loadCaseCommunity } from './load-case.ts';

/**
 * Whether a member of the community holds the support-agent ability (for those who grant it: community
 * admins and platform admins).
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function getSupportAgent({
  ctx,
  community,
  memberId,
}: {
  ctx: Ctx;
  community: string;
  memberId: string;
}): Promise<{ memberId: string; supportAgent: boolean }> {
  const resource = await loadCaseCommunity(ctx, community);
  authorize(casePolicy, 'manageAgents', ctx.actor, resource);
  const target = await findCaseWorker(ctx.kernel.db, resource.community.id, memberId);
  if (!target) throw new AppError('not_found');
  return { memberId: target.id, supportAgent: target.support_agent };
}
