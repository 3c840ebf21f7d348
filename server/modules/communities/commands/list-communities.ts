import type { Ctx } from '../../../platform/context.ts';
import { decodeCursor, toPage } from '../../../platform/http/pagination.ts';
import { presentCommunity } from '../communities.presenter.ts';
import { listVisibleCommunities } from '../communities.repository.ts';
import type { CommunityDto } from '../communities.schemas.ts';

/**
 * Lists the communities the actor may see, by name, one page at a time. `mine` keeps those they belong to.
 * @throws AppError(bad_request) for a malformed cursor.
 */
export async function listCommunities({
  ctx,
  limit = 20,
  cursor,
  mine = false,
}: {
  ctx: Ctx;
  limit?: number;
  cursor?: string;
  mine?: boolean;
}): Promise<{ items: CommunityDto[]; nextCursor: string | null }> {
  const after = decodeCursor(cursor, ['string', 'uuid']) as [string, string] | null;
  const rows = await listVisibleCommunities(
    ctx.kernel.db,
    { userId: ctx.actor?.userId ?? null, isPlatformAdmin: !!ctx.actor?.isPlatformAdmin },
    { limit, after, mine },
  );
  return toPage(
    rows,
    limit,
    (row) =>
      presentCommunity(row, ctx.actor, {
        membership: row.my_membership_id
          ? {
              id: row.my_membership_id,
              role: row.my_role!,
              status: row.my_status!,
              pseudonym: row.my_pseudonym!,
            }
          : null,
      }),
    (row) => [row.name, row.id],
  );
}
