import { authorize } from '../../../../platform/authz/policy.ts';
import type { Ctx } from '../../../../platform/context.ts';
import { decodeCursor, toPage } from '../../../../platform/http/pagination.ts';
import { validate } from '../../../../platform/http/validation.ts';
import { casePolicy } from '../cases.policy.ts';
import { presentMyTopic } from '../cases.presenter.ts';
import { listOwnTopicRows } from '../cases.repository.ts';
import { ListMyTopicsQuery, type MyTopicDto } from '../cases.schemas.ts';
import { loadCaseCommunity } from './load-case.ts';

/**
 * The caller's own questions and discussions in a community, newest first, with their solved state and
 * their case's status (the same label as on the topic and in the emails).
 * @throws AppError(validation_failed | bad_request: malformed cursor | not_found | unauthenticated |
 *   forbidden: not a member)
 */
export async function listMyTopics({
  ctx,
  community,
  query,
}: {
  ctx: Ctx;
  community: string;
  query: unknown;
}): Promise<{ items: MyTopicDto[]; nextCursor: string | null }> {
  const input = validate(ListMyTopicsQuery, query);
  const resource = await loadCaseCommunity(ctx, community);
  authorize(casePolicy, 'listOwnTopics', ctx.actor, resource);
  const after = decodeCursor(input.cursor, ['timestamp', 'uuid']) as [string, string] | null;
  const limit = input.limit ?? 20;
  const rows = await listOwnTopicRows(ctx.kernel.db, resource.membership!.id, { limit, after });
  return toPage(
    rows,
    limit,
    (row) => presentMyTopic(row, ctx.locale),
    (row) => [row.created_key, row.id],
  );
}
