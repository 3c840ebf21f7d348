import type { SurveyDefinitionInput } from '../../server/modules/research/survey-definition.ts';

/** An example screener offered in the campaign form: gender, age band, owning the product. */
export const EXAMPLE_SCREENER: SurveyDefinitionInput = {
  pages: [
    {
      id: 'profile',
      questions: [
        {
          id: 'gender',
          type: 'single',
          title: 'You are',
          required: true,
          options: [
            { id: 'f', label: 'A woman' },
            { id: 'm', label: 'A man' },
            { id: 'x', label: 'Other' },
          ],
        },
        {
          id: 'age',
          type: 'single',
          title: 'Your age',
          required: true,
          options: [
            { id: 'u35', label: 'Under 35' },
            { id: 'o35', label: '35 or more' },
          ],
        },
        {
          id: 'customer',
          type: 'single',
          title: 'Have you bought from us in the last year?',
          required: true,
          options: [
            { id: 'yes', label: 'Yes' },
            { id: 'no', label: 'No' },
          ],
        },
      ],
    },
  ],
};

/** Example rules and quotas matching the example screener. */
export const EXAMPLE_RULES = [
  { if: { question: 'customer', op: 'equals', value: 'no' }, then: 'disqualify' },
];
export const EXAMPLE_QUOTAS = [
  { question: 'gender', option: 'f', share: 50 },
  { question: 'gender', option: 'm', share: 50 },
  { question: 'age', option: 'u35', share: 40 },
];

/** Reads a JSON field of the campaign form: the value, or the text itself when it is not JSON (refused later). */
export function jsonField(raw: string, fallback: unknown): unknown {
  if (raw.trim() === '') return fallback;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/**
 * Splits CSV text into its header line and batches of at most `size` data lines, never cutting a quoted
 * cell that spans lines. Each batch keeps the header, so the server reads every batch on its own.
 */
export function csvBatches(text: string, size: number): { header: string; batches: string[][] } {
  const lines: string[] = [];
  let current = '';
  let quotes = 0;
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    current = current ? `${current}\n${line}` : line;
    quotes += (line.match(/"/g) ?? []).length;
    if (quotes % 2 === 0) {
      if (current.trim() !== '') lines.push(current);
      current = '';
      quotes = 0;
    }
  }
  if (current.trim() !== '') lines.push(current);
  const [header = '', ...rows] = lines;
  const batches: string[][] = [];
  for (let i = 0; i < rows.length; i += size) batches.push(rows.slice(i, i + size));
  return { header, batches };
}
