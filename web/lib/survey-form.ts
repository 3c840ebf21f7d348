import type { SurveyPageInput } from '../../server/modules/research/survey-definition.ts';
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

/** A hotspot's markers sent as JSON: the list when it reads as JSON, the text itself otherwise (refused). */
function parsedJson(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/**
 * Reads a page's answers from its form, turning each field into the type its question expects (the
 * server validates without coercing). File answers are uploaded first through the image upload command;
 * a file already sent on an earlier visit is kept from its hidden field.
 */
export async function answersFromForm(
  api: WebApi,
  community: string,
  page: SurveyPageInput,
  form: FormData,
): Promise<Record<string, unknown>> {
  const answers: Record<string, unknown> = {};
  for (const q of page.questions) {
    const name = answerField(q.id);
    switch (q.type) {
      case 'multiple':
        answers[q.id] = form.getAll(name).filter((v): v is string => typeof v === 'string');
        break;
      case 'scale':
      case 'nps':
      case 'number':
        answers[q.id] = numeric(str(form, name));
        break;
      case 'matrix': {
        const grid: Record<string, string> = {};
        for (const row of q.rows ?? []) {
          const value = str(form, `${name}.${row.id}`);
          if (value) grid[row.id] = value;
        }
        answers[q.id] = grid;
        break;
      }
      case 'ranking': {
        const ranked = (q.options ?? [])
          .map((o) => ({ id: o.id, rank: Number(str(form, `${name}.${o.id}`)) }))
          .filter((o) => Number.isInteger(o.rank) && o.rank > 0)
          .sort((a, b) => a.rank - b.rank);
        answers[q.id] = ranked.map((o) => o.id);
        break;
      }
      case 'file': {
        const file = form.get(name);
        if (file && typeof file !== 'string' && file.size > 0) {
          const image = await api.uploadImage(community, {
            data: Buffer.from(await file.arrayBuffer()),
            filename: file.name,
          });
          answers[q.id] = image.id;
        } else {
          answers[q.id] = str(form, `${name}.existing`) || undefined;
        }
        break;
      }
      case 'hotspot':
        answers[q.id] = parsedJson(str(form, name));
        break;
      case 'preference': {
        const choice = str(form, name);
        const why = str(form, `${name}.why`).trim();
        answers[q.id] = choice || why ? { choice: choice || undefined, ...(why ? { why } : {}) } : undefined;
        break;
      }
      default:
        answers[q.id] = str(form, name) || undefined;
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
