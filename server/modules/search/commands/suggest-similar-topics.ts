import type { Ctx } from '../../../platform/context.ts';
import { validate } from '../../../platform/http/validation.ts';
import { presentSuggestion } from '../search.presenter.ts';
import { listSimilarSolvedRows } from '../search.repository.ts';
import { SimilarTopicsQuery, type SimilarTopicsDto } from '../search.schemas.ts';
import { loadSearchScope } from './load-search-scope.ts';

/** How many similar questions the ask form shows. */
const MAX_SIMILAR = 5;
/** Titles shorter than this (once trimmed) are too vague to compare: no suggestion. */
const MIN_TITLE = 3;

/**
 * Up to five solved questions resembling a title being typed in the ask form, among the boards the actor
 * may read (or one board): sharing significant words (stemmed in French and English, accents ignored) or
 * a title close despite typos. Best first.
 * @throws AppError(validation_failed: input, unknown board | not_found | unauthenticated | forbidden: private community)
 */
export async function suggestSimilarTopics({
  ctx,
  community,
  query: input,
}: {
  ctx: Ctx;
  community: string;
  query: unknown;
}): Promise<SimilarTopicsDto> {
  const query = validate(SimilarTopicsQuery, input);
  const title = query.title.trim();
  const scope = await loadSearchScope(ctx, community, query.board);
  if (title.length < MIN_TITLE || scope.boards.length === 0) return { items: [] };
  const rows = await listSimilarSolvedRows(
    ctx.kernel.db,
    scope.community.id,
    title,
    scope.boards.map((b) => b.id),
    MAX_SIMILAR,
  );
  return { items: rows.map(presentSuggestion) };
}
