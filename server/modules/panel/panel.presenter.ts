import type { ProfileAttributeRow, SegmentRow } from '../../platform/db/schema-research.ts';
import { optionsOf } from './panel-rules.ts';
import type { ProfileAttributeDto, SegmentDto, SegmentFilterInput } from './panel.schemas.ts';

/** Presents an attribute definition: an allow-list of fields. */
export function presentAttribute(row: ProfileAttributeRow): ProfileAttributeDto {
  return {
    id: row.id,
    key: row.key,
    label: row.label,
    kind: row.kind,
    visibility: row.visibility,
    options: optionsOf(row).map((o) => ({ value: o.value, label: o.label })),
    position: row.position,
    memberEditable: row.visibility !== 'staff_only',
  };
}

/** Presents a segment with its size at the time of reading. */
export function presentSegment(row: SegmentRow, size: number): SegmentDto {
  return {
    id: row.id,
    name: row.name,
    filter: row.filter as SegmentFilterInput,
    size,
    createdAt: row.created_at.toISOString(),
  };
}
