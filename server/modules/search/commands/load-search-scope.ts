import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { isUuid } from '../../../platform/db/ids.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { communityPolicy } from '../../communities/communities.policy.ts';
import { boardPolicy } from '../../support/support.policy.ts';
import { listScopeBoards, type ScopeBoard } from '../search.repository.ts';

/**
 * Loads a community for a search with its query scope: the boards the actor may read
 * (`boardPolicy.view`), narrowed to `boardKey` (id or slug) when given. A community the actor may not
 * see is not found, one whose content they may not read is refused (as its board list is); an unknown
 * or unreadable board is a field error on `/board` (the same for both, so a staff board's existence
 * does not leak).
 * @throws AppError(not_found | unauthenticated | forbidden | validation_failed: board)
 */
export async function loadSearchScope(ctx: Ctx, communityKey: string, boardKey?: string) {
  const loaded = await loadCommunity(ctx, communityKey);
  authorize(communityPolicy, 'viewContent', ctx.actor, loaded);
  const readable: ScopeBoard[] = (await listScopeBoards(ctx.kernel.db, loaded.community.id)).filter((board) =>
    boardPolicy.view(ctx.actor, { ...loaded, board }),
  );
  if (boardKey === undefined) return { ...loaded, boards: readable };
  const board = readable.find((b) => (isUuid(boardKey) ? b.id === boardKey : b.slug === boardKey));
  if (!board) throw AppError.field('/board', 'validation.unknownBoard');
  return { ...loaded, boards: [board] };
}
