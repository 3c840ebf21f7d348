import type { Ctx } from '../../../platform/context.ts';
import { decodeCursor, toPage } from '../../../platform/http/pagination.ts';
import { validate } from '../../../platform/http/validation.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { listLedgerRows } from '../history.repository.ts';
import { presentLedgerEntry } from '../rewards.presenter.ts';
import { LedgerQuery, type LedgerEntryDto } from '../rewards.schemas.ts';
import { pointsTarget } from './points-target.ts';

/**
 * A member's points history, newest first, filtered by kind, award status and dates (UTC, inclusive),
 * keyset-paginated: one's own, or any member's for staff. Awards carry their derived status; denials
 * and reversals their reason.
 * @throws AppError(validation_failed | bad_request | not_found | unauthenticated | forbidden)
 */
export async function listPointsLedger({
  ctx,
  community,
  query,
}: {
  ctx: Ctx;
  community: string;
  query: unknown;
}): Promise<{ items: LedgerEntryDto[]; nextCursor: string | null }> {
  const q = validate(LedgerQuery, query);
  const after = decodeCursor(q.cursor, ['timestamp', 'uuid']) as [string, string] | null;
  const loaded = await loadCommunity(ctx, community);
  const member = await pointsTarget(ctx, loaded, q.memberId);
  const limit = q.limit ?? 20;
  const rows = await listLedgerRows(
    ctx.kernel.db,
    loaded.community.id,
    { memberId: member.id, kind: q.kind, status: q.status, from: q.from, to: q.to },
    { limit, after },
  );
  return toPage(rows, limit, presentLedgerEntry, (r) => [r.cursor_at, r.id]);
}
