import type { DeflectionViewDto, SearchHitDto, TopicSuggestionDto } from './search.schemas.ts';

/** A topic suggestion row → DTO (allow-list). */
export function presentSuggestion(row: {
  id: string;
  title: string;
  solved: boolean;
  replies_count: number;
  board_slug: string;
  board_title: string;
}): TopicSuggestionDto {
  return {
    id: row.id,
    title: row.title,
    solved: row.solved,
    repliesCount: row.replies_count,
    board: { slug: row.board_slug, title: row.board_title },
  };
}

/** A search row with its highlighted title and snippet → DTO (allow-list). */
export function presentHit(
  row: {
    id: string;
    kind: string;
    title: string;
    solved: boolean;
    replies_count: number;
    created_at: Date;
    last_activity_at: Date;
    board_slug: string;
    board_title: string;
    author_pseudonym: string;
  },
  marked: { titleHtml: string; snippetHtml: string; matchedInReply: boolean },
  authorRank: string | null = null,
): SearchHitDto {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    titleHtml: marked.titleHtml,
    snippetHtml: marked.snippetHtml,
    matchedInReply: marked.matchedInReply,
    solved: row.solved,
    repliesCount: row.replies_count,
    board: { slug: row.board_slug, title: row.board_title },
    author: { pseudonym: row.author_pseudonym, rank: authorRank },
    createdAt: row.created_at.toISOString(),
    lastActivityAt: row.last_activity_at.toISOString(),
  };
}

/** A deflection view row → DTO (allow-list). */
export function presentDeflectionView(row: {
  id: string;
  topic_id: string;
  attempt_id: string;
  created_at: Date;
}): DeflectionViewDto {
  return {
    id: row.id,
    topicId: row.topic_id,
    attemptId: row.attempt_id,
    createdAt: row.created_at.toISOString(),
  };
}
