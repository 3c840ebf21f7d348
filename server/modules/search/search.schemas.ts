import { Type, type Static } from 'typebox';
import { MAX_QUERY_LENGTH } from '../../platform/search/full-text.ts';

const DATE = { format: 'date', 'x-message': 'validation.dateFormat' } as const;

/** Query of a community search: the words, the filters and the page. */
export const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: MAX_QUERY_LENGTH }),
    board: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    tag: Type.Optional(Type.String({ minLength: 1, maxLength: 30 })),
    solved: Type.Optional(Type.Boolean()),
    author: Type.Optional(Type.String({ minLength: 1, maxLength: 30 })),
    from: Type.Optional(Type.String(DATE)),
    to: Type.Optional(Type.String(DATE)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
    cursor: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
/** Query of a community search (type). */
export type SearchQueryInput = Static<typeof SearchQuery>;

/** A topic whose title resembles the words searched or typed. */
export const TopicSuggestion = Type.Object({
  id: Type.String({ format: 'uuid' }),
  title: Type.String(),
  solved: Type.Boolean(),
  repliesCount: Type.Integer(),
  board: Type.Object({ slug: Type.String(), title: Type.String() }),
});
/** A suggested topic (type). */
export type TopicSuggestionDto = Static<typeof TopicSuggestion>;

/** One search result: a topic, with its title and a snippet as safe HTML (matches in `<mark>`). */
export const SearchHit = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.String(),
  title: Type.String(),
  /** The title as HTML: escaped text, matches in `<mark>`. */
  titleHtml: Type.String(),
  /** A passage of the topic, or of the reply that matched, as HTML: escaped text, matches in `<mark>`. */
  snippetHtml: Type.String(),
  /** Whether the snippet comes from a reply rather than the question itself. */
  matchedInReply: Type.Boolean(),
  solved: Type.Boolean(),
  repliesCount: Type.Integer(),
  board: Type.Object({ slug: Type.String(), title: Type.String() }),
  /** The author's pseudonym and rank name (points area; null before any). */
  author: Type.Object({ pseudonym: Type.String(), rank: Type.Union([Type.String(), Type.Null()]) }),
  createdAt: Type.String({ format: 'date-time' }),
  lastActivityAt: Type.String({ format: 'date-time' }),
});
/** One search result (type). */
export type SearchHitDto = Static<typeof SearchHit>;

/** A page of search results, the number of matches and, when few match, titles that look alike. */
export const SearchResults = Type.Object({
  items: Type.Array(SearchHit),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  total: Type.Integer(),
  suggestions: Type.Array(TopicSuggestion),
});
/** A page of search results (type). */
export type SearchResultsDto = Static<typeof SearchResults>;

/** Query of the ask form's similar questions: the title being typed, optionally one board. */
export const SimilarTopicsQuery = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: MAX_QUERY_LENGTH }),
    board: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  },
  { additionalProperties: false },
);

/** Up to five solved questions resembling a title. */
export const SimilarTopics = Type.Object({ items: Type.Array(TopicSuggestion) });
/** Similar solved questions (type). */
export type SimilarTopicsDto = Static<typeof SimilarTopics>;

/** A member opened a suggested question from the ask form, having typed `title`. */
export const DeflectionViewBody = Type.Object(
  {
    topicId: Type.String({ format: 'uuid' }),
    title: Type.String({ minLength: 1, maxLength: MAX_QUERY_LENGTH }),
  },
  { additionalProperties: false },
);

/** A recorded view of a suggested question. */
export const DeflectionView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  topicId: Type.String({ format: 'uuid' }),
  attemptId: Type.String({ format: 'uuid' }),
  createdAt: Type.String({ format: 'date-time' }),
});
/** A recorded view (type). */
export type DeflectionViewDto = Static<typeof DeflectionView>;

const DeflectionCounts = {
  /** Suggested questions opened. */
  views: Type.Integer(),
  /** Attempts (one member's views within an hour) not followed by a topic within the hour. */
  deflections: Type.Integer(),
  /** Attempts followed by a topic from the same member within the hour. */
  conversions: Type.Integer(),
  /** Attempts still inside their hour: neither yet. */
  pending: Type.Integer(),
  /** deflections × the community's contact cost, in cents of `currency`. */
  savingCents: Type.Integer(),
};

/** Deflection per ISO week (the last 12, oldest first) and over those weeks, with the cost used. */
export const DeflectionStats = Type.Object({
  currency: Type.String(),
  contactCostCents: Type.Integer(),
  weeks: Type.Array(
    Type.Object({
      /** ISO week, e.g. `2026-W47`. */
      week: Type.String(),
      /** Monday of the week (UTC). */
      weekStart: Type.String({ format: 'date' }),
      ...DeflectionCounts,
    }),
  ),
  totals: Type.Object(DeflectionCounts),
});
/** Deflection statistics (type). */
export type DeflectionStatsDto = Static<typeof DeflectionStats>;
