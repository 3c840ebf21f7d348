import type { Ctx } from '../../../platform/context.ts';
import type { PostStatus } from '../../../platform/db/schema.ts';
import { decodeCursor, toPage } from '../../../platform/http/pagination.ts';
import { presentTopicSummary } from '../support.presenter.ts';
import { listTopicRows } from '../support.repository.ts';
import type { TopicSummaryDto } from '../support.schemas.ts';
import { boardAdminPolicy } from '../support.policy.ts';
import { normalizeTag } from '../support-media.ts';
import { loadBoard } from './load-support.ts';

/**
 * Lists a board's published topics (staff also see pending ones, a member their own), pinned first
 * then by last activity; `unanswered` and `unsolved` keep questions without replies or without a solution; `tag` keeps topics
 * carrying that tag (normalized like the topics' own).
 * @throws AppError(not_found | bad_request: cursor)
 */
export async function listTopics({
  ctx,
  community,
  board: boardKey,
  query,
}: {
  ctx: Ctx;
  community: string;
  board: string;
  query: { limit?: number; cursor?: string; filter?: 'unanswered' | 'unsolved'; tag?: string };
}): Promise<{ items: TopicSummaryDto[]; nextCursor: string | null }> {
  const resource = await loadBoard(ctx, community, boardKey);
  const statuses: PostStatus[] = boardAdminPolicy.manageBoards(ctx.actor, resource)
    ? ['published', 'pending']
    : ['published'];
  const limit = query.limit ?? 20;
  const after = decodeCursor(query.cursor, ['string', 'timestamp', 'uuid']) as
    [string, string, string] | null;
  const rows = await listTopicRows(ctx.kernel.db, resource.board.id, {
    limit,
    after,
    filter: query.filter,
    tag: query.tag === undefined ? undefined : normalizeTag(query.tag),
    statuses,
    ownPendingOf: resource.membership?.id ?? null,
  });
  return toPage(rows, limit, presentTopicSummary, (row) => [String(row.pinned), row.activity_key, row.id]);
}
