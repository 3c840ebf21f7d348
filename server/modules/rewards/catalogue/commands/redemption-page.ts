import { authorize } from '../../../../platform/authz/policy.ts';
import type { Ctx } from '../../../../platform/context.ts';
import { decodeCursor, toPage } from '../../../../platform/http/pagination.ts';
import { validate } from '../../../../platform/http/validation.ts';
import { logAddressReads } from '../address-access.ts';
import { cataloguePolicy } from '../catalogue.policy.ts';
import { listRedemptionRows } from '../catalogue.repository.ts';
import { ListRedemptionsQuery, type RedemptionDto } from '../catalogue.schemas.ts';
import { loadCatalogue } from './load-catalogue.ts';
import { viewRedemption } from './redemption-view.ts';

/**
 * One page of redemptions for the actor: the community's queue (`community`, community managers) or
 * their own (`mine`), presented for them.
 * @throws AppError(validation_failed | bad_request | not_found | unauthenticated | forbidden)
 */
export async function listRedemptionPage(
  ctx: Ctx,
  community: string,
  query: unknown,
  scope: 'community' | 'mine',
): Promise<{ items: RedemptionDto[]; nextCursor: string | null }> {
  const q = validate(ListRedemptionsQuery, query);
  const after = decodeCursor(q.cursor, ['uuid'])?.[0] ?? null;
  const resource = await loadCatalogue(ctx, community);
  authorize(cataloguePolicy, scope === 'mine' ? 'listOwnRedemptions' : 'manageRewards', ctx.actor, resource);
  const limit = q.limit ?? 20;
  const rows = await listRedemptionRows(ctx.kernel.db, resource.community.id, {
    memberId: scope === 'mine' ? resource.membership!.id : null,
    status: q.status ?? null,
    limit,
    after,
  });
  // Staff see the shipping addresses of the page: each read is written to the access log.
  await logAddressReads(ctx, resource, rows.slice(0, limit));
  return toPage(
    rows,
    limit,
    (row) => viewRedemption(ctx, resource, row),
    (row) => [row.id],
  );
}
