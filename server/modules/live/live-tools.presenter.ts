import type { LiveCodeRow, LiveProbeRow } from '../../platform/db/schema-live-tools.ts';
import type { ExcerptRow } from './live-tools.repository.ts';
import type { LiveProbeDto } from './live-tools.schemas.ts';
import type { LiveCodeDto, LiveExcerptDto } from './live.schemas.ts';

/** A stored library probe → the API's probe. */
export function presentProbe(row: LiveProbeRow): LiveProbeDto {
  return {
    id: row.id,
    body: row.body,
    tags: Array.isArray(row.tags) ? (row.tags as unknown[]).map(String) : [],
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A stored excerpt → the API's excerpt (its author named as in the transcript). */
export function presentExcerpt(row: ExcerptRow): LiveExcerptDto {
  return {
    id: row.id,
    codeId: row.code_id,
    seq: Number(row.seq),
    start: row.span_start,
    end: row.span_end,
    quote: row.quote,
    author:
      row.author_role === 'participant'
        ? row.author_pseudonym
        : row.author_role === 'moderator'
          ? 'Moderator'
          : null,
  };
}

/** A session's codes and excerpts → the codebook, each code with its excerpts in room order. */
export function presentCodebook(codes: LiveCodeRow[], excerpts: ExcerptRow[]): LiveCodeDto[] {
  return codes.map((c) => ({
    id: c.id,
    name: c.name,
    colour: c.colour,
    excerpts: excerpts.filter((x) => x.code_id === c.id).map(presentExcerpt),
  }));
}
