import { abilitiesOf, authorize } from '../../../../platform/authz/policy.ts';
import type { Ctx } from '../../../../platform/context.ts';
import { AppError } from '../../../../platform/errors/app-error.ts';
import { decodeCursor, encodeCursor } from '../../../../platform/http/pagination.ts';
import { validate } from '../../../../platform/http/validation.ts';
import { cataloguePolicy } from '../catalogue.policy.ts';
import { listRewardRows } from '../catalogue.repository.ts';
import { ListRewardsQuery, type RewardPageDto } from '../catalogue.schemas.ts';
import { loadCatalogue } from './load-catalogue.ts';
import { viewRewards } from './reward-view.ts';

/**
 * A community's catalogue, cheapest first, with the caller's balance and why each reward is out of their
 * reach; `includeInactive` (community managers) also lists withdrawn rewards.
 * @throws AppError(validation_failed | bad_request: malformed cursor | not_found | unauthenticated |
 *   forbidden)
 */
export async function listRewards({
  ctx,
  community,
  query,
}: {
  ctx: Ctx;
  community: string;
  query: unknown;
}): Promise<RewardPageDto> {
  const q = validate(ListRewardsQuery, query);
  const after = decodeCursor(q.cursor, ['string', 'uuid']);
  if (after && !/^\d{1,9}$/.test(after[0])) throw new AppError('bad_request', { detail: 'Malformed cursor' });
  const resource = await loadCatalogue(ctx, community);
  authorize(cataloguePolicy, 'viewRewards', ctx.actor, resource);
  if (q.includeInactive) authorize(cataloguePolicy, 'manageRewards', ctx.actor, resource);
  const limit = q.limit ?? 50;
  const rows = await listRewardRows(ctx.kernel.db, resource.community.id, {
    includeInactive: q.includeInactive ?? false,
    limit,
    after: after ? [Number(after[0]), after[1]] : null,
  });
  const more = rows.length > limit;
  const slice = more ? rows.slice(0, limit) : rows;
  const { items, balance } = await viewRewards(ctx, resource, slice);
  const last = slice[slice.length - 1];
  return {
    items,
    nextCursor: more && last ? encodeCursor([String(last.cost), last.id]) : null,
    balance,
    abilities: abilitiesOf(cataloguePolicy, ctx.actor, resource),
  };
}
