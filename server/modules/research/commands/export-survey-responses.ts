import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { surveyPolicy } from '../research.policy.ts';
import { countResponses, listCompletedResponses } from '../research.repository.ts';
import type { SurveyDefinitionInput } from '../survey-definition.ts';
import { answerColumns, csvLine } from '../survey-csv.ts';
import type { Answers } from '../survey-engine.ts';
import { loadSurvey } from './load-survey.ts';

/** Responses read per query while streaming an export. */
export const EXPORT_BATCH = 500;

/** A CSV export being streamed: its file name, how many responses it holds and its lines. */
export interface SurveyExport {
  filename: string;
  total: number;
  lines: AsyncIterable<string>;
}

/**
 * Exports a survey's completed responses as CSV (staff and observers), streamed in batches of 500 read by
 * keyset so memory stays flat for large surveys. Columns: response id, the respondent's pseudonym (staff
 * on surveys that are not anonymous only), completion time, seconds taken, then one column per question
 * (one per row of a matrix; several choices joined by `|`). `total` lets a client show progress.
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function exportSurveyResponses({
  ctx,
  community,
  surveyId,
}: {
  ctx: Ctx;
  community: string;
  surveyId: string;
}): Promise<SurveyExport> {
  const loaded = await loadSurvey(ctx, community, surveyId);
  authorize(surveyPolicy, 'export', ctx.actor, loaded);
  const identify = surveyPolicy.identifyRespondents(ctx.actor, loaded);
  const columns = answerColumns(loaded.survey.definition as SurveyDefinitionInput);
  const total = await countResponses(ctx.kernel.db, loaded.survey.id);
  const db = ctx.kernel.db;
  const surveyRowId = loaded.survey.id;
  async function* lines() {
    yield csvLine([
      'response_id',
      ...(identify ? ['respondent'] : []),
      'completed_at',
      'duration_seconds',
      ...columns.map((c) => c.header),
    ]);
    let afterId: string | null = null;
    for (;;) {
      const rows = await listCompletedResponses(db, surveyRowId, {
        members: null,
        limit: EXPORT_BATCH,
        afterId,
      });
      for (const r of rows) {
        const answers = r.answers as Answers;
        yield csvLine([
          r.id,
          ...(identify ? [r.pseudonym] : []),
          r.completed_at?.toISOString(),
          r.duration_ms === null ? '' : Math.round(r.duration_ms / 1000),
          ...columns.map((c) => c.read(answers)),
        ]);
      }
      if (rows.length < EXPORT_BATCH) return;
      afterId = rows[rows.length - 1].id;
    }
  }
  const slug = loaded.survey.title
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 50);
  return { filename: `${slug || 'survey'}-responses.csv`, total, lines: lines() };
}
