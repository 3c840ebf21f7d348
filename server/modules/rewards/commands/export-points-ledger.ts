import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { validate } from '../../../platform/http/validation.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { exportLedgerRows } from '../history.repository.ts';
import { LedgerExportQuery } from '../rewards.schemas.ts';
import { pointsPolicy } from '../rewards.policy.ts';

/** At most this many entries per export (narrow the dates for more). */
export const EXPORT_LIMIT = 50_000;

const COLUMNS = [
  'id',
  'created_at',
  'member_id',
  'pseudonym',
  'kind',
  'bucket',
  'points',
  'status',
  'action',
  'reason',
  'parent_id',
  'source_type',
  'source_id',
  'release_at',
] as const;

/** One CSV field: quoted, quotes doubled, and a leading formula character neutralised for spreadsheets. */
export function csvField(value: string | number | Date | null): string {
  if (value === null) return '""';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The community's ledger as CSV (staff: moderators, admins, platform admins), oldest first, filtered by
 * member and dates, at most `EXPORT_LIMIT` rows. Awards carry their derived status.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden)
 */
export async function exportPointsLedger({
  ctx,
  community,
  query,
}: {
  ctx: Ctx;
  community: string;
  query: unknown;
}): Promise<{ filename: string; csv: string }> {
  const q = validate(LedgerExportQuery, query);
  const loaded = await loadCommunity(ctx, community);
  authorize(pointsPolicy, 'managePoints', ctx.actor, loaded);
  const rows = await exportLedgerRows(ctx.kernel.db, loaded.community.id, q, EXPORT_LIMIT);
  const lines = [COLUMNS.join(',')];
  for (const row of rows) lines.push(COLUMNS.map((c) => csvField(row[c])).join(','));
  return { filename: `points-${loaded.community.slug}.csv`, csv: `${lines.join('\r\n')}\r\n` };
}
