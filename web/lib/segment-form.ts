import type { ProfileAttributeDto } from '../../server/modules/panel/panel.schemas.ts';

/** How many condition rows the segment editor shows. */
export const CONDITION_ROWS = 4;

const str = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};
const list = (raw: string) =>
  raw
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/**
 * Builds a segment filter from the editor's rows `c<i>.*` (type, attribute, operator, value), typing each
 * value as its attribute's kind expects (numbers, comma-separated choices). Empty rows are skipped.
 */
export function segmentFilterFromForm(form: FormData, attributes: ProfileAttributeDto[]) {
  const conditions: Record<string, unknown>[] = [];
  for (let i = 0; i < CONDITION_ROWS; i++) {
    const type = str(form, `c${i}.type`);
    const op = str(form, `c${i}.op`);
    const value = str(form, `c${i}.value`);
    if (!type) continue;
    if (type === 'attribute') {
      const attribute = attributes.find((a) => a.id === str(form, `c${i}.attributeId`));
      const typed =
        op === 'is_set' || op === 'not_set'
          ? undefined
          : op === 'any_of'
            ? list(value)
            : attribute?.kind === 'number'
              ? Number(value.replace(',', '.'))
              : value;
      conditions.push({
        type,
        attributeId: str(form, `c${i}.attributeId`),
        op,
        ...(typed === undefined ? {} : { value: typed }),
      });
    } else if (type === 'status' || type === 'role') conditions.push({ type, in: list(value) });
    else if (type === 'joined') conditions.push({ type, op, date: value });
    else if (type === 'activity') conditions.push({ type, op, days: Number(value) });
    else if (type === 'reliability') conditions.push({ type, op, score: Number(value) });
    else conditions.push({ type });
  }
  return { match: str(form, 'match') === 'any' ? 'any' : 'all', conditions };
}

/** Maps an API path of the filter (`/filter/conditions/2/value`) to the editor's row field (`c2.value`). */
export function segmentField(path: string): string {
  const match = /^\/filter\/conditions\/(\d+)(?:\/(\w+))?/.exec(path);
  if (match) {
    const field = match[2] === 'attributeId' || match[2] === 'op' ? match[2] : match[2] ? 'value' : 'type';
    return `c${match[1]}.${field}`;
  }
  return path.replace(/^\//, '').split('/')[0] ?? '';
}
