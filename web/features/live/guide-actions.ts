import type { WebContext } from '../../../server/web/web-context.ts';
import { translate } from '../../../common/i18n/index.ts';
import { moveItemTo, moveSectionTo } from '../../../common/live/guide-moves.ts';
import {
  type GuideSectionDraft,
  moveItem,
  parseOutline,
  removeItem,
  toGuideDraft,
} from '../../../common/live/guide-outline.ts';
import { data } from 'react-router';
import { actionErrors, asAppError, text } from '../../lib/errors.ts';

const KINDS: Record<string, Pick<GuideSectionDraft['items'][number], 'kind' | 'questionType'>> = {
  'question-open': { kind: 'question', questionType: 'open' },
  'question-single': { kind: 'question', questionType: 'single' },
  'question-multiple': { kind: 'question', questionType: 'multiple' },
  'question-rating': { kind: 'question', questionType: 'rating' },
  probe: { kind: 'probe' },
  stimulus: { kind: 'stimulus' },
  note: { kind: 'note' },
};

/** Appends an item to the section titled `title` (a new section of ten minutes when there is none). */
function appendTo(guide: GuideSectionDraft[], title: string, item: GuideSectionDraft['items'][number]) {
  const existing = guide.find((s) => s.title === title);
  if (existing) return guide.map((s) => (s === existing ? { ...s, items: [...s.items, item] } : s));
  return [...guide, { title: title || 'Guide', plannedMinutes: 10, items: [item] }];
}

/** The guide after one editing intent (add, move, drag, remove, import an outline), from the guide as it is. */
export function editedGuide(
  intent: string,
  form: FormData,
  guide: GuideSectionDraft[],
  mediaId: string | null,
): GuideSectionDraft[] {
  const itemId = text(form, 'itemId');
  const sectionIndex = guide.findIndex((s) => s.id === text(form, 'sectionId'));
  if (intent === 'guide-up' || intent === 'guide-down')
    return moveItem(guide, itemId, intent === 'guide-up' ? 'up' : 'down');
  if (intent === 'guide-move')
    return moveItemTo(guide, itemId, Number(text(form, 'sectionIndex')), Number(text(form, 'index')));
  if (intent === 'section-up' || intent === 'section-down')
    return sectionIndex < 0
      ? guide
      : moveSectionTo(guide, guide[sectionIndex].id!, sectionIndex + (intent === 'section-up' ? -1 : 1));
  if (intent === 'section-move')
    return moveSectionTo(guide, text(form, 'sectionId'), Number(text(form, 'index')));
  if (intent === 'guide-remove') return removeItem(guide, itemId);
  if (intent === 'guide-import') return [...guide, ...parseOutline(text(form, 'outline'))];
  const kind = KINDS[text(form, 'kind')] ?? KINDS.probe;
  const options = text(form, 'options')
    .split('|')
    .map((o) => o.trim())
    .filter(Boolean);
  return appendTo(guide, text(form, 'section').trim(), {
    ...kind,
    body: text(form, 'body'),
    ...(options.length > 0 ? { options } : {}),
    ...(form.get('blind') === 'on' && kind.kind === 'question' ? { blind: true } : {}),
    ...(mediaId ? { mediaId } : {}),
  });
}

/** One refusal of a guide file, placed for the reader: where ("Section 2, item 4"), what, and the exact path. */
export interface ImportProblem {
  where: string;
  message: string;
  /** The field's place in the file, as a developer reads it: `sections[1].items[3].kind`. */
  path: string;
}

/** Fields of a guide file the reader gets named in words (others keep their JSON name). */
const FIELDS = new Set([
  'kind',
  'questionType',
  'body',
  'options',
  'blind',
  'mediaId',
  'id',
  'title',
  'plannedMinutes',
  'items',
]);

/** The value found at a JSON pointer of the imported file (for quoting it back), if any. */
function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const part of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/**
 * A field error of an imported guide → one problem in the reader's words: "Section 2, item 4" and "the kind
 * «video» is not known: …", with the precise path kept (`sections[1].items[3].kind`).
 */
function problemOf(
  web: WebContext,
  file: unknown,
  field: { path: string; key: string; params?: Record<string, string | number> },
): ImportProblem {
  const t = (key: string, params?: Record<string, string | number>) => translate(web.locale, key, params);
  const inFile = field.path.replace(/^\/guide/, '');
  const path =
    inFile
      .replace(/\/(\d+)/g, '[$1]')
      .replace(/\//g, '.')
      .replace(/^\./, '') || '(file)';
  const m = /^\/sections\/(\d+)(?:\/items\/(\d+))?(?:\/(\w+))?/.exec(inFile);
  const message = t(field.key, field.params);
  if (!m || !field.path.startsWith('/guide'))
    return {
      where: field.path.startsWith('/mode') ? t('live.import.where.mode') : t('live.import.where.file'),
      message,
      path,
    };
  const section = Number(m[1]) + 1;
  const where = m[2]
    ? t('live.import.where.item', { section, item: Number(m[2]) + 1 })
    : t('live.import.where.section', { section });
  const name = m[3];
  if (!name || (name === 'items' && !m[2])) return { where, message, path };
  const value = valueAt(file, field.path.replace(/^\/guide/, ''));
  if (field.key === 'validation.invalidChoice' && (name === 'kind' || name === 'questionType'))
    return { where, message: t(`live.import.problem.${name}`, { value: String(value) }), path };
  const label = FIELDS.has(name) ? t(`live.import.field.${name}`) : name;
  return { where, message: t('live.import.problem.field', { field: label, message }), path };
}

/**
 * Imports a guide file pasted or uploaded in the guide tools; a refusal comes back as one problem per
 * field, placed by section and item, in the reader's language.
 */
export async function importGuideFile(
  web: WebContext,
  slug: string,
  sessionId: string,
  form: FormData,
): Promise<{ done: string } | { importProblems: ImportProblem[]; importError: string }> {
  const t = (key: string, params?: Record<string, string | number>) => translate(web.locale, key, params);
  const file = form.get('file');
  const raw = file instanceof File && file.size > 0 ? await file.text() : text(form, 'json');
  if (!raw.trim()) return { importProblems: [], importError: t('live.import.noFile') };
  let guide: unknown;
  try {
    guide = JSON.parse(raw);
  } catch (error) {
    return {
      importProblems: [],
      importError: t('live.import.badJson', { detail: (error as Error).message }),
    };
  }
  try {
    await web.api.importLiveSessionGuide(slug, sessionId, { mode: text(form, 'mode'), guide });
    return { done: 'guide-json' };
  } catch (error) {
    const appError = asAppError(error);
    if (!appError) throw error;
    return {
      importError: t(appError.messageKey ?? `error.${appError.code}`),
      importProblems: appError.fields.map((f) => problemOf(web, guide, f)),
    };
  }
}

/** The tags typed in a probe form: comma-separated, trimmed, each once. */
function tagsOf(form: FormData): string[] {
  return [
    ...new Set(
      text(form, 'tags')
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}

/** Saves a library probe's edit form; a refusal comes back beside that probe (`probeId`, `probeErrors`). */
async function updateProbe(web: WebContext, slug: string, form: FormData) {
  const probeId = text(form, 'probeId');
  try {
    await web.api.updateLiveProbe(slug, probeId, { body: text(form, 'body'), tags: tagsOf(form) });
    return { done: 'probe-update', probeId };
  } catch (error) {
    const appError = asAppError(error);
    if (!appError) throw error;
    const { fieldErrors, formError } = actionErrors(web.locale, appError);
    return data({ probeId, probeErrors: fieldErrors, probeError: formError }, { status: appError.status });
  }
}

/** The guide intents of the session page: edits that rewrite the guide, and the probe library's. */
export async function guideAction(
  web: WebContext,
  slug: string,
  sessionId: string,
  intent: string,
  form: FormData,
) {
  if (intent === 'guide-json') return importGuideFile(web, slug, sessionId, form);
  if (intent === 'probe-create' || intent === 'probe-save-item') {
    const session = await web.api.getLiveSession(slug, sessionId);
    const item = (session.guide ?? []).flatMap((s) => s.items).find((i) => i.id === text(form, 'itemId'));
    await web.api.createLiveProbe(
      slug,
      intent === 'probe-create'
        ? { body: text(form, 'body'), tags: tagsOf(form) }
        : { body: item?.body ?? '' },
    );
    return { done: intent };
  }
  if (intent === 'probe-update') return updateProbe(web, slug, form);
  if (intent === 'probe-delete') {
    await web.api.deleteLiveProbe(slug, text(form, 'probeId'));
    return { done: intent };
  }
  const session = await web.api.getLiveSession(slug, sessionId);
  let draft = toGuideDraft(session.guide ?? []);
  if (intent === 'probe-insert') {
    // The probe's text as the library showed it: the guide keeps its own copy.
    draft = appendTo(draft, text(form, 'section').trim(), { kind: 'probe', body: text(form, 'body') });
  } else {
    const file = form.get('media');
    const media =
      intent === 'guide-add' && file instanceof File && file.size > 0
        ? await web.api.uploadLiveSessionMedia(slug, sessionId, {
            file: { data: Buffer.from(await file.arrayBuffer()), filename: file.name },
            alt: text(form, 'mediaAlt'),
            logo: form.get('logo') === 'on',
          })
        : null;
    draft = editedGuide(intent, form, draft, media?.id ?? null);
  }
  await web.api.updateLiveSessionGuide(slug, sessionId, { sections: draft });
  return { done: intent };
}
