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
import { asAppError, text } from '../../lib/errors.ts';

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

/** One refusal of a guide file, placed for the reader: "Section 2, item 3 (text): …". */
export interface ImportProblem {
  where: string;
  message: string;
}

/** A field path of an imported guide → where it is, in the reader's words. */
function placeOf(web: WebContext, path: string): string {
  const t = (key: string, params?: Record<string, string | number>) => translate(web.locale, key, params);
  const m = /^\/guide\/sections\/(\d+)(?:\/items\/(\d+))?(?:\/(\w+))?/.exec(path);
  if (!m) return path.startsWith('/mode') ? t('live.import.where.mode') : t('live.import.where.file');
  const section = Number(m[1]) + 1;
  const place = m[2]
    ? t('live.import.where.item', { section, item: Number(m[2]) + 1 })
    : t('live.import.where.section', { section });
  return m[3] && m[3] !== 'items' ? `${place} (${m[3]})` : place;
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
      importProblems: appError.fields.map((f) => ({
        where: placeOf(web, f.path),
        message: t(f.key, f.params),
      })),
    };
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
    const tags = text(form, 'tags')
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean);
    await web.api.createLiveProbe(
      slug,
      intent === 'probe-create' ? { body: text(form, 'body'), tags } : { body: item?.body ?? '' },
    );
    return { done: intent };
  }
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
