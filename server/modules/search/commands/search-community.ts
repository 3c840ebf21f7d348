import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/pagination.ts';
import { validate } from '../../../platform/http/validation.ts';
import {
  countMarks,
  HEADLINE_OPTIONS,
  headlineSource,
  markedHtml,
  TITLE_HEADLINE_OPTIONS,
} from '../../../platform/search/highlight.ts';
import { htmlToText } from '../../../platform/text/markdown.ts';
import { pseudonymKey } from '../../members/pseudonym.ts';
import { presentHit, presentSuggestion } from '../search.presenter.ts';
import { rankNamesOf } from '../../rewards/rank-labels.ts';
import {
  headlines,
  listLookalikeTitleRows,
  type SearchFilters,
  searchTopicRows,
} from '../search.repository.ts';
import { SearchQuery, type SearchResultsDto } from '../search.schemas.ts';
import { loadSearchScope } from './load-search-scope.ts';

/** Below this many matches, the first page also proposes titles that look alike ("did you mean"). */
const FEW_RESULTS = 3;
/** The deepest offset a cursor may reach: refine the search rather than page further. */
const MAX_OFFSET = 1000;

function offsetOf(cursor: string | undefined): number {
  const decoded = decodeCursor(cursor, ['string']);
  if (!decoded) return 0;
  const offset = /^\d{1,4}$/.test(decoded[0]) ? Number(decoded[0]) : Number.NaN;
  if (!(offset <= MAX_OFFSET)) throw new AppError('bad_request', { detail: 'Malformed cursor' });
  return offset;
}

function dayAfter(date: string): Date {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day;
}

/** The better of a text's two headlines (French or English stemming): the one marking more matches. */
function best(headline: { fr: string; en: string }): string {
  return countMarks(headline.en) > countMarks(headline.fr) ? headline.en : headline.fr;
}

/**
 * Searches the published topics of the boards the actor may read, in their titles, bodies and published
 * replies (French and English stemming, accents ignored, web search syntax), with optional filters
 * (board, tag, solved, author pseudonym, creation dates). Results come by relevance then recent activity,
 * with highlighted title and snippet as safe HTML; when few match, titles that look alike are suggested.
 * @throws AppError(validation_failed: input, empty query, unknown board, dates in the wrong order | not_found | unauthenticated | forbidden: private community | bad_request: cursor)
 */
export async function searchCommunity({
  ctx,
  community,
  query: input,
}: {
  ctx: Ctx;
  community: string;
  query: unknown;
}): Promise<SearchResultsDto> {
  const query = validate(SearchQuery, input);
  const text = query.q.trim();
  if (text === '') throw AppError.field('/q', 'validation.required');
  if (query.from && query.to && query.from > query.to) throw AppError.field('/to', 'validation.dateOrder');
  const offset = offsetOf(query.cursor);
  const limit = query.limit ?? 20;
  const scope = await loadSearchScope(ctx, community, query.board);
  if (scope.boards.length === 0) return { items: [], nextCursor: null, total: 0, suggestions: [] };
  const filters: SearchFilters = {
    boardIds: scope.boards.map((b) => b.id),
    tag: query.tag?.trim().toLowerCase(),
    solved: query.solved,
    authorKey: query.author ? pseudonymKey(query.author.trim()) : undefined,
    from: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
    until: query.to ? dayAfter(query.to) : undefined,
  };
  const db = ctx.kernel.db;
  const rows = await searchTopicRows(db, scope.community.id, text, filters, { limit, offset });
  const page = rows.slice(0, limit);
  const sources = page.flatMap((row) => {
    const fromReply = !row.topic_matched && row.reply_body_html !== null;
    return [
      { text: headlineSource(row.title), options: TITLE_HEADLINE_OPTIONS },
      {
        text: headlineSource(htmlToText(fromReply ? row.reply_body_html! : row.body_html)),
        options: HEADLINE_OPTIONS,
      },
    ];
  });
  const marked = await headlines(db, text, sources);
  const ranks = await rankNamesOf(
    db,
    page.map((row) => row.author_id),
  );
  const items = page.map((row, i) =>
    presentHit(
      row,
      {
        titleHtml: markedHtml(best(marked[2 * i])),
        snippetHtml: markedHtml(best(marked[2 * i + 1])),
        matchedInReply: !row.topic_matched && row.reply_body_html !== null,
      },
      ranks.get(row.author_id) ?? null,
    ),
  );
  const total = rows[0]?.total ?? 0;
  const lookalikes =
    offset === 0 && total < FEW_RESULTS
      ? await listLookalikeTitleRows(db, scope.community.id, text, filters.boardIds, {
          limit: 5,
          exclude: page.map((row) => row.id),
        })
      : [];
  return {
    items,
    nextCursor: rows.length > limit ? encodeCursor([String(offset + limit)]) : null,
    total,
    suggestions: lookalikes.map(presentSuggestion),
  };
}
