import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { decodeCursor, toPage } from '../../../platform/http/pagination.ts';
import { validate } from '../../../platform/http/validation.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { listFlagRows } from '../history.repository.ts';
import { pointsPolicy } from '../rewards.policy.ts';
import { presentPointsFlag } from '../rewards.presenter.ts';
import { FlagsQuery, type PointsFlagDto } from '../rewards.schemas.ts';

/**
 * The members flagged for a sudden burst of points (open flags by default), newest first, for staff.
 * @throws AppError(validation_failed | bad_request | not_found | unauthenticated | forbidden)
 */
export async function listPointsFlags({
  ctx,
  community,
  query,
}: {
  ctx: Ctx;
  community: string;
  query: unknown;
}): Promise<{ items: PointsFlagDto[]; nextCursor: string | null }> {
  const q = validate(FlagsQuery, query);
  const after = decodeCursor(q.cursor, ['timestamp', 'uuid']) as [string, string] | null;
  const loaded = await loadCommunity(ctx, community);
  authorize(pointsPolicy, 'managePoints', ctx.actor, loaded);
  const limit = q.limit ?? 20;
  const rows = await listFlagRows(ctx.kernel.db, loaded.community.id, {
    all: q.state === 'all',
    limit,
    after,
  });
  return toPage(rows, limit, presentPointsFlag, (r) => [r.cursor_at, r.id]);
}
