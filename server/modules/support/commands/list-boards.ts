import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { communityPolicy } from '../../communities/communities.policy.ts';
import { boardAdminPolicy, boardPolicy } from '../support.policy.ts';
import { presentBoard } from '../support.presenter.ts';
import { listBoardRows } from '../support.repository.ts';
import type { BoardDto } from '../support.schemas.ts';

/**
 * Lists the boards of a community that the actor may read, in display order.
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function listBoards({
  ctx,
  community: key,
}: {
  ctx: Ctx;
  community: string;
}): Promise<{ items: BoardDto[]; abilities: { manageBoards: boolean } }> {
  const loaded = await loadCommunity(ctx, key);
  authorize(communityPolicy, 'viewContent', ctx.actor, loaded);
  const rows = await listBoardRows(ctx.kernel.db, loaded.community.id);
  return {
    items: rows
      .filter((board) => boardPolicy.view(ctx.actor, { ...loaded, board }))
      .map((board) => presentBoard(board, ctx.actor, { ...loaded, board })),
    abilities: { manageBoards: boardAdminPolicy.manageBoards(ctx.actor, loaded) },
  };
}
