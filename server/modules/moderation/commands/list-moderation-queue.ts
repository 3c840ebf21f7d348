import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { decodeCursor, toPage } from '../../../platform/http/pagination.ts';
import { validate } from '../../../platform/http/validation.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { moderationPolicy } from '../moderation.policy.ts';
import { presentQueueItem } from '../moderation.presenter.ts';
import { rankNamesOf } from '../../rewards/rank-labels.ts';
import { listOpenFlags, listQueueRows } from '../moderation.repository.ts';
import { type QueueItemDto, QueueQuery } from '../moderation.schemas.ts';

/**
 * The moderation queue of a community for its moderators and admins, oldest first: pending posts,
 * flagged posts and hidden ones (`filter`: all, pending, flagged, hidden or deleted), each in context
 * (board, topic, author, excerpt) with its open flags, a page at a time.
 * @throws AppError(validation_failed | bad_request: malformed cursor | not_found | unauthenticated | forbidden)
 */
export async function listModerationQueue({
  ctx,
  community,
  query,
}: {
  ctx: Ctx;
  community: string;
  query: unknown;
}): Promise<{ items: QueueItemDto[]; nextCursor: string | null }> {
  const q = validate(QueueQuery, query);
  const after = decodeCursor(q.cursor, ['timestamp', 'uuid']) as [string, string] | null;
  const loaded = await loadCommunity(ctx, community);
  authorize(moderationPolicy, 'moderateContent', ctx.actor, loaded);
  const limit = q.limit ?? 20;
  const rows = await listQueueRows(ctx.kernel.db, loaded.community.id, {
    filter: q.filter ?? 'all',
    limit,
    after,
  });
  const flags = await listOpenFlags(
    ctx.kernel.db,
    loaded.community.id,
    rows.slice(0, limit).map((r) => r.id),
  );
  // The authors' ranks, next to their pseudonyms: one query for the page.
  const ranks = await rankNamesOf(
    ctx.kernel.db,
    rows.slice(0, limit).map((r) => r.author_id),
  );
  return toPage(
    rows,
    limit,
    (row) =>
      presentQueueItem(
        row,
        flags.filter((f) => f.target_type === row.target_type && f.target_id === row.id),
        ranks.get(row.author_id) ?? null,
      ),
    (row) => [row.queued_key, row.id],
  );
}
