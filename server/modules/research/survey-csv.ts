import type { QuestionInput, SurveyDefinitionInput } from './survey-definition.ts';
import type { Answers } from './survey-engine.ts';
import type { HotspotMarker, PreferenceAnswer } from './stimulus-rules.ts';

/**
 * Quotes one CSV cell (RFC 4180). A text starting with `=`, `+`, `-`, `@`, tab or carriage return gets a
 * leading apostrophe, so a spreadsheet never runs an answer as a formula.
 */
export function csvCell(value: unknown): string {
  let text = '';
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else if (value !== null && value !== undefined) text = JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV line (CRLF-terminated). */
export function csvLine(cells: unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** One column of the export: its header and how to read it from a response's answers. */
interface Column {
  header: string;
  read(answers: Answers): unknown;
}

/** Hotspot markers in a readable cell: `like (0.25, 0.40) "comment" | dislike (0.60, 0.10)`. */
export function markersText(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  return (value as HotspotMarker[])
    .map((m) => {
      const at = `${m.kind} (${m.x.toFixed(2)}, ${m.y.toFixed(2)})`;
      return m.comment ? `${at} "${m.comment.replace(/[|"]/g, ' ')}"` : at;
    })
    .join(' | ');
}

function columnsOf(q: QuestionInput): Column[] {
  if (q.type === 'matrix')
    return (q.rows ?? []).map((row) => ({
      header: `${q.id}.${row.id}`,
      read: (a) => (a[q.id] as Record<string, string> | undefined)?.[row.id],
    }));
  if (q.type === 'hotspot') return [{ header: q.id, read: (a) => markersText(a[q.id]) }];
  if (q.type === 'preference')
    return [
      { header: q.id, read: (a) => (a[q.id] as PreferenceAnswer | undefined)?.choice },
      { header: `${q.id}.why`, read: (a) => (a[q.id] as PreferenceAnswer | undefined)?.why },
    ];
  return [
    {
      header: q.id,
      read: (a) => (Array.isArray(a[q.id]) ? (a[q.id] as unknown[]).join('|') : a[q.id]),
    },
  ];
}

/** The answer columns of a survey, in the order of its pages and questions. */
export function answerColumns(definition: SurveyDefinitionInput): Column[] {
  return definition.pages.flatMap((page) => page.questions.flatMap(columnsOf));
}
