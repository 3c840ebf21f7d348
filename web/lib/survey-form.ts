import { hotspotAnswer } from './hotspot-form.ts';
import type { SurveyPageInput, QuestionInput } from '../../server/modules/research/survey-definition.ts';
import type { WebApi } from '../../server/web/web-api.ts';

/** The form field name of a question's answer (`q.<id>`; rows and ranks add `.<rowId>`/`.<optionId>`). */
export const answerField = (questionId: string) => `q.${questionId}`;

const str = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

/** A number typed in a field: a number when it reads as one, the text itself otherwise (refused later). */
function numeric(raw: string): number | string | undefined {
  const trimmed = raw.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed.replace(',', '.'));
  return Number.isFinite(n) ? n : trimmed;
}

/**
 * Reads one question's answer from a form, typed as the question expects (the server validates without
 * coercing): lists for multiple choices and rankings, numbers for scales and numbers, a grid for a matrix,
 * a hotspot's markers (`hotspotAnswer`: JSON, or the fallback without JavaScript), a preference's choice and why.
 * A file question gives the upload already sent (its hidden field); a new file is `answersFromForm`'s work.
 */
export function answerOf(q: QuestionInput, form: FormData): unknown {
  const name = answerField(q.id);
  switch (q.type) {
    case 'multiple':
      return form.getAll(name).filter((v): v is string => typeof v === 'string');
    case 'scale':
    case 'nps':
    case 'number':
      return numeric(str(form, name));
    case 'matrix': {
      const grid: Record<string, string> = {};
      for (const row of q.rows ?? []) {
        const value = str(form, `${name}.${row.id}`);
        if (value) grid[row.id] = value;
      }
      return grid;
    }
    case 'ranking':
      return (q.options ?? [])
        .map((o) => ({ id: o.id, rank: Number(str(form, `${name}.${o.id}`)) }))
        .filter((o) => Number.isInteger(o.rank) && o.rank > 0)
        .sort((a, b) => a.rank - b.rank)
        .map((o) => o.id);
    case 'file':
      return str(form, `${name}.existing`) || undefined;
    case 'hotspot':
      return hotspotAnswer(q, name, form);
    case 'preference': {
      const choice = str(form, name);
      const why = str(form, `${name}.why`).trim();
      return choice || why ? { choice: choice || undefined, ...(why ? { why } : {}) } : undefined;
    }
    default:
      return str(form, name) || undefined;
  }
}

/** The answers a whole form holds for these questions, as `answerOf` reads them (display logic reads them). */
export function answersOf(questions: QuestionInput[], form: FormData): Record<string, unknown> {
  return Object.fromEntries(questions.map((q) => [q.id, answerOf(q, form)]));
}

/**
 * Reads a page's answers from its form (`answerOf`). File answers are uploaded first through the image
 * upload command; a file already sent on an earlier visit is kept from its hidden field.
 */
export async function answersFromForm(
  api: WebApi,
  community: string,
  page: SurveyPageInput,
  form: FormData,
): Promise<Record<string, unknown>> {
  const answers: Record<string, unknown> = {};
  for (const q of page.questions) {
    const file = q.type === 'file' ? form.get(answerField(q.id)) : null;
    if (file && typeof file !== 'string' && file.size > 0) {
      const image = await api.uploadImage(community, {
        data: Buffer.from(await file.arrayBuffer()),
        filename: file.name,
      });
      answers[q.id] = image.id;
    } else {
      answers[q.id] = answerOf(q, form);
    }
  }
  return answers;
}

/** Maps a field path of the API (`/answers/<questionId>`, `/file`) to the question it concerns. */
export function answerFieldOf(path: string, page: SurveyPageInput): string {
  const match = /^\/answers\/([^/]+)/.exec(path);
  if (match) return match[1];
  // An upload refused on its content: the page's (first) file question.
  if (path === '/file') return page.questions.find((q) => q.type === 'file')?.id ?? 'file';
  return path.replace(/^\//, '');
}
