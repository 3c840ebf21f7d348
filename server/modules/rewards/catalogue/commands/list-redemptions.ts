import { authorize } from '../../../../platform/authz/policy.ts';
import type { Ctx } from '../../../../platform/context.ts';
import { decodeCursor, toPage } from '../../../../platform/http/pagination.ts';
import { validate } from '../../../../platform/http/validation.ts';
import { cataloguePolicy } from '../catalogue.policy.ts';
import { listRedemptionRows } from '../catalogue.repository.ts';
import { ListRedemptionsQuery, type RedemptionDto } from '../catalogue.schemas.ts';
import { loadCatalogue } from './load-catalogue.ts';
import { viewRedemption } from './redemption-view.ts';

async function listPage(
  ctx: Ctx,
  community: string,
  query: unknown,
  scope: 'community' | 'mine',
): Promise<{ items: RedemptionDto[]; nextCursor: string | null }> {
  const q = validate(ListRedemptionsQuery, query);
  const after = decodeCursor(q.cursor, ['timestamp', 'uuid']) as [string, string] | null;
  const resource = await loadCatalogue(ctx, community);
  authorize(cataloguePolicy, scope === 'mine' ? 'listOwnRedemptions' : 'manageRewards', ctx.actor, resource);
  const limit = q.limit ?? 20;
  const rows = await listRedemptionRows(ctx.kernel.db, resource.community.id, {
    memberId: scope === 'mine' ? resource.membership!.id : null,
    status: q.status ?? null,
    limit,
    after,
  });
  return toPage(
    rows,
    limit,
    (row) => viewRedemption(ctx, resource, row),
    (row) => [row.created_at.toISOString(), row.id],
  );
}

/**
 * The community's redemptions, oldest first, optionally of one status (community managers: the queue to
 * approve, reject and fulfil). Codes are never shown here.
 * @throws AppError(validation_failed | bad_request: malformed cursor | not_found | unauthenticated |
 *   forbidden)
 */
export async function listRedemptions({
  ctx,
  community,
  query,
}: {
  ctx: Ctx;
  community: string;
  query: unknown;
}) {
  return listPage(ctx, community, query, 'community');
}

/**
 * The caller's own redemptions in a community, newest first, with their status, reasons and codes.
 * @throws AppError(validation_failed | bad_request: malformed cursor | not_found | unauthenticated |
 *   forbidden)
 */
export async function listMyRedemptions({
  ctx,
  community,
  query,
}: {
  ctx: Ctx;
  community: string;
  query: unknown;
}) {
  return listPage(ctx, community, query, 'mine');
}
