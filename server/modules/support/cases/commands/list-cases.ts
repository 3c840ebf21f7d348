import { authorize } from '../../../../platform/authz/policy.ts';
import type { Ctx } from '../../../../platform/context.ts';
import { decodeCursor, toPage } from '../../../../platform/http/pagination.ts';
import { validate } from '../../../../platform/http/validation.ts';
import { casePolicy } from '../cases.policy.ts';
import { presentCaseSummary } from '../cases.presenter.ts';
import { listCaseRows } from '../cases.repository.ts';
import { type CaseSummaryDto, ListCasesQuery } from '../cases.schemas.ts';
import { loadCaseCommunity } from './load-case.ts';

/**
 * The case queue of a community (case workers: support agents, moderators, admins, platform admins),
 * least recently updated first, filtered by status, assignee (`me`, `none` or a member id) and
 * `updatedSince` (CRM synchronisation).
 * @throws AppError(validation_failed | bad_request: malformed cursor | not_found | unauthenticated | forbidden)
 */
export async function listCases({
  ctx,
  community,
  query,
}: {
  ctx: Ctx;
  community: string;
  query: unknown;
}): Promise<{ items: CaseSummaryDto[]; nextCursor: string | null }> {
  const input = validate(ListCasesQuery, query);
  const resource = await loadCaseCommunity(ctx, community);
  authorize(casePolicy, 'work', ctx.actor, resource);
  const after = decodeCursor(input.cursor, ['timestamp', 'uuid']) as [string, string] | null;
  const limit = input.limit ?? 20;
  let assignee: string | null | undefined;
  if (input.assignee === 'none') assignee = null;
  else if (input.assignee === 'me') assignee = resource.membership?.id ?? null;
  else assignee = input.assignee;
  // A platform admin without a membership has nothing assigned to them.
  if (input.assignee === 'me' && !resource.membership) return { items: [], nextCursor: null };
  const rows = await listCaseRows(ctx.kernel.db, resource.community.id, {
    limit,
    after,
    status: input.status,
    assignee,
    updatedSince: input.updatedSince,
  });
  return toPage(
    rows,
    limit,
    (row) => presentCaseSummary(row, ctx.locale),
    (row) => [row.updated_key, row.id],
  );
}
