import type { Ctx } from '../../../../platform/context.ts';
import { listRedemptionPage } from './redemption-page.ts';

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
  return listRedemptionPage(ctx, community, query, 'community');
}
