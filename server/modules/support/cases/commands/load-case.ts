import type { Ctx } from '../../../../platform/context.ts';
import { AppError } from '../../../../platform/errors/app-error.ts';
import { loadCommunity } from '../../../communities/commands/load-community.ts';
import type { CaseResource } from '../cases.policy.ts';
import { findCase } from '../cases.repository.ts';

/**
 * Loads a community the actor may see, with their membership (and its support-agent ability).
 * @throws AppError(not_found)
 */
export async function loadCaseCommunity(ctx: Ctx, communityKey: string): Promise<CaseResource> {
  return loadCommunity(ctx, communityKey);
}

/**
 * Loads a case of a community with its topic; unknown or foreign cases are not found.
 * @throws AppError(not_found)
 */
export async function loadCase(ctx: Ctx, communityKey: string, caseId: string) {
  const resource = await loadCaseCommunity(ctx, communityKey);
  const found = await findCase(ctx.kernel.db, resource.community.id, caseId);
  if (!found) throw new AppError('not_found');
  return { ...resource, case: found };
}
