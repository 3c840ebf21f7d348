import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { found } from '../../../platform/errors/app-error.ts';
import type { LoadedCommunity } from '../../communities/commands/load-community.ts';
import { findMemberFacts } from '../points.repository.ts';
import { pointsPolicy } from '../rewards.policy.ts';

/**
 * The member whose points a request reads: the actor's own membership by default (`holdPoints`), or
 * another member of the community for staff (`managePoints`).
 * @throws AppError(unauthenticated | forbidden | not_found)
 */
export async function pointsTarget(
  ctx: Ctx,
  loaded: LoadedCommunity,
  memberId: string | undefined,
): Promise<{ id: string; pseudonym: string }> {
  const own = loaded.membership;
  if (!memberId || memberId === own?.id) {
    authorize(pointsPolicy, 'holdPoints', ctx.actor, loaded);
    return { id: own!.id, pseudonym: own!.pseudonym };
  }
  authorize(pointsPolicy, 'managePoints', ctx.actor, loaded);
  const member = found(await findMemberFacts(ctx.kernel.db, loaded.community.id, memberId));
  return { id: member.id, pseudonym: member.pseudonym };
}
