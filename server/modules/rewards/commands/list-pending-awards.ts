import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { decodeCursor, toPage } from '../../../platform/http/pagination.ts';
import { validate } from '../../../platform/http/validation.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { listLedgerRows } from '../history.repository.ts';
import { presentLedgerEntry } from '../rewards.presenter.ts';
import { type LedgerEntryDto, PendingQuery } from '../rewards.schemas.ts';
import { pointsPolicy } from '../rewards.policy.ts';

/**
 * The community's awards still pending review, newest first, for staff to release or deny.
 * @throws AppError(validation_failed | bad_request | not_found | unauthenticated | forbidden)
 */
export async function listPendingAwards({
  ctx,
  community,
  query,
}: {
  ctx: Ctx;
  community: string;
  query: unknown;
}): Promise<{ items: LedgerEntryDto[]; nextCursor: string | null }> {
  const q = validate(PendingQuery, query);
  const after = decodeCursor(q.cursor, ['timestamp', 'uuid']) as [string, string] | null;
  const loaded = await loadCommunity(ctx, community);
  authorize(pointsPolicy, 'managePoints', ctx.actor, loaded);
  const limit = q.limit ?? 20;
  const rows = await listLedgerRows(
    ctx.kernel.db,
    loaded.community.id,
    { kind: 'award', status: 'pending' },
    { limit, after },
  );
  return toPage(rows, limit, presentLedgerEntry, (r) => [r.cursor_at, r.id]);
}
