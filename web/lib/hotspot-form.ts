import type { QuestionInput } from '../../server/modules/research/survey-definition.ts';

/**
 * Field names of a hotspot question's fallback without JavaScript (`<name>` is the answer's field): the
 * image as `<input type="image" name="<name>.at">` (the browser posts `<name>.at.x`/`.y`, in pixels of the
 * image as drawn, `<name>.w`×`<name>.h`), the position typed in percent (`<name>.x`, `<name>.y`, placed by
 * the button `intent=mark:<questionId>`), the next marker's kind (`<name>.kind`), each marker's comment
 * (`<name>.comment.<i>`) and its remove button (`intent=unmark:<questionId>:<i>`).
 */
export const hotspotFields = (name: string) => ({
  at: `${name}.at`,
  width: `${name}.w`,
  height: `${name}.h`,
  x: `${name}.x`,
  y: `${name}.y`,
  kind: `${name}.kind`,
  comment: (i: number) => `${name}.comment.${i}`,
});

/** The intent of the button that places a marker typed in percent, and of the one that removes marker `i`. */
export const markIntent = (questionId: string) => `mark:${questionId}`;
export const unmarkIntent = (questionId: string, i: number) => `unmark:${questionId}:${i}`;

const str = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/** A number typed or posted: the number, or the text itself so the server refuses it (never a silent 0). */
const numberOf = (raw: string): number | string => {
  const n = Number(raw.replace(',', '.'));
  return raw !== '' && Number.isFinite(n) ? n : raw;
};
const ratio = (value: number | string, whole: number | string) =>
  typeof value === 'number' && typeof whole === 'number' && whole > 0
    ? Math.round((value / whole) * 1000) / 1000
    : value;

/**
 * Whether a form post only places or removes a hotspot marker (no JavaScript): a click on a hotspot image,
 * or a "place"/"remove" button. Such a post shows the page again with the marker, and saves nothing yet.
 */
export function isMarkerEdit(form: FormData): boolean {
  const intent = str(form, 'intent');
  if (intent.startsWith('mark:') || intent.startsWith('unmark:')) return true;
  return [...form.keys()].some((key) => key.endsWith('.at.x'));
}

/**
 * Reads a hotspot answer from a form: the markers posted as JSON in `<name>` (what the script keeps, or the
 * fallback's hidden list), with the fallback's comments applied, the marker whose remove button was
 * pressed left out, and one new marker from a click on the image or from the position typed in percent.
 * Unreadable input comes back as it is, for the server to refuse with a clear message.
 */
export function hotspotAnswer(q: QuestionInput, name: string, form: FormData): unknown {
  const fields = hotspotFields(name);
  const raw = str(form, name);
  let markers: unknown;
  try {
    markers = raw === '' ? [] : (JSON.parse(raw) as unknown);
  } catch {
    return raw;
  }
  if (!Array.isArray(markers)) return markers;
  let list = markers.map((marker: unknown, i) => {
    const comment = form.get(fields.comment(i));
    if (typeof comment !== 'string' || typeof marker !== 'object' || marker === null) return marker;
    const { comment: _old, ...rest } = marker as Record<string, unknown>;
    return comment.trim() ? { ...rest, comment: comment.trim() } : rest;
  });
  const intent = str(form, 'intent');
  const removed = /^unmark:([^:]+):(\d+)$/.exec(intent);
  if (removed && removed[1] === q.id) list = list.filter((_, i) => i !== Number(removed[2]));
  const kind = str(form, fields.kind) === 'dislike' ? 'dislike' : 'like';
  if (form.has(`${fields.at}.x`)) {
    list.push({
      x: ratio(numberOf(str(form, `${fields.at}.x`)), numberOf(str(form, fields.width))),
      y: ratio(numberOf(str(form, `${fields.at}.y`)), numberOf(str(form, fields.height))),
      kind,
    });
  } else if (intent === markIntent(q.id)) {
    const percent = (field: string) => ratio(numberOf(str(form, field)), 100);
    list.push({ x: percent(fields.x), y: percent(fields.y), kind });
  }
  return list.length > 0 ? list : undefined;
}
