import type { Ctx } from '../../../platform/context.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { pseudonymTaken } from '../members.repository.ts';
import { isValidPseudonym, pseudonymKey } from '../pseudonym.ts';

/**
 * Tells whether a pseudonym is well-formed and free in a community (the join form checks as one types).
 * @throws AppError(not_found) for a community the actor may not see.
 */
export async function checkPseudonym({
  ctx,
  community: key,
  pseudonym,
  invitationCode,
}: {
  ctx: Ctx;
  community: string;
  pseudonym: string;
  invitationCode?: string;
}) {
  const { community } = await loadCommunity(ctx, key, { invitationCode });
  const trimmed = pseudonym.trim();
  const valid = isValidPseudonym(trimmed);
  const available = valid && !(await pseudonymTaken(ctx.kernel.db, community.id, pseudonymKey(trimmed)));
  return { pseudonym: trimmed, valid, available };
}
