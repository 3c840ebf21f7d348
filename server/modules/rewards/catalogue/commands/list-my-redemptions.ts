import type { Ctx } from '../../../../platform/context.ts';
import { listRedemptionPage } from './redemption-page.ts';

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
  return listRedemptionPage(ctx, community, query, 'mine');
}
