import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/pagination.ts';
import { ajvCoercing, validationError } from '../../../platform/http/validation.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { compileSegment, loadSegment } from '../../panel/commands/load-panel.ts';
import { memberMatches } from '../../panel/panel.repository.ts';
import { presentSurveySummary } from '../research.presenter.ts';
import { researchPolicy } from '../research.policy.ts';
import { listSurveyRows } from '../research.repository.ts';
import { ListSurveysQuery, type SurveySummaryDto } from '../research.schemas.ts';

const checkQuery = ajvCoercing.compile(ListSurveysQuery);

/**
 * Lists a community's surveys and polls, newest first. Staff and observers see every one with its count of
 * completed responses; respondents the published, opened ones whose target they are in, with their status.
 * @throws AppError(validation_failed | bad_request: cursor | not_found | unauthenticated | forbidden)
 */
export async function listSurveys({
  ctx,
  community,
  query,
}: {
  ctx: Ctx;
  community: string;
  query: unknown;
}): Promise<{ items: SurveySummaryDto[]; nextCursor: string | null }> {
  const q = { ...(query as object) } as Record<string, unknown>;
  if (!checkQuery(q)) throw validationError(checkQuery.errors ?? []);
  const input = q as { kind?: 'survey' | 'poll'; limit: number; cursor?: string };
  const loaded = await loadCommunity(ctx, community);
  const staff = researchPolicy.viewResearchResults(ctx.actor, loaded);
  if (!staff) authorize(researchPolicy, 'answerSurveys', ctx.actor, loaded);
  const after = decodeCursor(input.cursor, ['timestamp', 'uuid']) as [string, string] | null;
  const memberId = loaded.membership?.id ?? null;
  const rows = await listSurveyRows(ctx.kernel.db, loaded.community.id, {
    memberId,
    publishedOnly: !staff,
    kind: input.kind,
    limit: input.limit,
    after,
  });
  const more = rows.length > input.limit;
  const page = rows.slice(0, input.limit);
  // Respondents see only the surveys whose segment they are in (one check per targeted survey).
  const visible = [];
  for (const row of page) {
    if (!staff && row.segment_id && memberId) {
      const segment = await loadSegment(ctx.kernel.db, loaded.community.id, row.segment_id);
      if (!(await memberMatches(ctx.kernel.db, memberId, await compileSegment(ctx.kernel.db, segment))))
        continue;
    }
    visible.push(row);
  }
  const last = page[page.length - 1];
  return {
    items: visible.map((row) => presentSurveySummary(row, staff)),
    nextCursor: more && last ? encodeCursor([last.cursor_at, last.id]) : null,
  };
}
