import type { MessageKey } from '../../../common/i18n/index.ts';
import type { AttributeVisibility, ProfileAttributeRow } from '../../platform/db/schema-research.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { SegmentFilterInput } from './panel.schemas.ts';

/** An attribute's choices as stored. */
export function optionsOf(row: Pick<ProfileAttributeRow, 'options'>): { value: string; label: string }[] {
  return Array.isArray(row.options) ? (row.options as { value: string; label: string }[]) : [];
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * Checks a value against its attribute's kind and choices; returns the message key of the problem, or null
 * when the value fits (text at most 500 characters, a finite number, a real date, known choices).
 */
export function attributeValueProblem(row: ProfileAttributeRow, value: unknown): MessageKey | null {
  const choices = new Set(optionsOf(row).map((o) => o.value));
  switch (row.kind) {
    case 'text':
      return typeof value === 'string' && value.trim() !== '' ? null : 'validation.invalidType';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'validation.invalidType';
    case 'date':
      return isIsoDate(value) ? null : 'research.validation.date';
    case 'single_choice':
      return typeof value === 'string' && choices.has(value) ? null : 'validation.invalidChoice';
    case 'multiple_choice':
      return Array.isArray(value) &&
        value.length > 0 &&
        new Set(value).size === value.length &&
        value.every((v) => typeof v === 'string' && choices.has(v))
        ? null
        : 'validation.invalidChoice';
  }
}

const OPS_BY_KIND: Record<string, readonly string[]> = {
  text: ['eq', 'neq', 'contains', 'is_set', 'not_set'],
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'is_set', 'not_set'],
  date: ['gt', 'gte', 'lt', 'lte', 'is_set', 'not_set'],
  single_choice: ['eq', 'neq', 'any_of', 'is_set', 'not_set'],
  multiple_choice: ['any_of', 'is_set', 'not_set'],
};

/**
 * Checks a segment filter against the community's attributes: each attribute condition names an attribute
 * of this community, an operator its kind supports and a value of the right type.
 * @throws AppError(validation_failed at /filter/conditions/N/…)
 */
export function checkSegmentFilter(
  filter: SegmentFilterInput,
  attributes: Map<string, ProfileAttributeRow>,
  prefix = '/filter',
): void {
  filter.conditions.forEach((c, i) => {
    if (c.type !== 'attribute') return;
    const at = `${prefix}/conditions/${i}`;
    const row = attributes.get(c.attributeId);
    if (!row) throw AppError.field(`${at}/attributeId`, 'validation.invalidChoice');
    if (!OPS_BY_KIND[row.kind].includes(c.op)) throw AppError.field(`${at}/op`, 'validation.invalidChoice');
    if (c.op === 'is_set' || c.op === 'not_set') return;
    const v = c.value;
    const ok =
      c.op === 'any_of'
        ? Array.isArray(v) && v.every((x) => optionsOf(row).some((o) => o.value === x))
        : row.kind === 'number'
          ? typeof v === 'number'
          : row.kind === 'date'
            ? isIsoDate(v)
            : row.kind === 'single_choice'
              ? typeof v === 'string' && optionsOf(row).some((o) => o.value === v)
              : typeof v === 'string' && v !== '';
    if (!ok) throw AppError.field(`${at}/value`, 'validation.invalidType');
  });
}

/**
 * Whether observers may use a segment (to filter results): every attribute it tests is observer-visible
 * and it does not test reliability scores (staff's), so its counts tell them nothing they may not read.
 */
export function observerMayUse(
  filter: SegmentFilterInput,
  visibility: Map<string, AttributeVisibility>,
): boolean {
  return filter.conditions.every((c) =>
    c.type === 'attribute' ? visibility.get(c.attributeId) === 'observer_visible' : c.type !== 'reliability',
  );
}
