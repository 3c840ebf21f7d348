import type { Ctx } from '../../../platform/context.ts';
import { validate } from '../../../platform/http/validation.ts';
import { ExportQuery } from '../live.schemas.ts';
import { transcriptCsv, transcriptMarkdown } from '../transcript-formats.ts';
import { getLiveSessionTranscript } from './get-live-session-transcript.ts';

/** A transcript file: its name, media type and content. */
export interface TranscriptFile {
  fileName: string;
  contentType: string;
  content: string;
}

/**
 * Exports a session's transcript for its staff: `csv` (the room, one row per entry), `markdown` (room with
 * guide-item headings, answers per question, backroom) or `json` (everything, as `getLiveSessionTranscript`).
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden)
 */
export async function exportLiveSessionTranscript({
  ctx,
  community,
  sessionId,
  query,
}: {
  ctx: Ctx;
  community: string;
  sessionId: string;
  query: unknown;
}): Promise<TranscriptFile> {
  const { format } = validate(ExportQuery, query);
  const transcript = await getLiveSessionTranscript({ ctx, community, sessionId });
  const base = `transcript-${transcript.session.id}`;
  if (format === 'csv')
    return {
      fileName: `${base}.csv`,
      contentType: 'text/csv; charset=utf-8',
      content: transcriptCsv(transcript),
    };
  if (format === 'markdown') {
    return {
      fileName: `${base}.md`,
      contentType: 'text/markdown; charset=utf-8',
      content: transcriptMarkdown(transcript),
    };
  }
  return {
    fileName: `${base}.json`,
    contentType: 'application/json; charset=utf-8',
    content: JSON.stringify(transcript, null, 2),
  };
}
