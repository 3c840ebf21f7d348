import type { GuideSectionDraft } from './guide-outline.ts';

/**
 * Moves an item to `index` in the section at `sectionIndex` (the index counts the target section's items
 * without the moved one). Returns the guide unchanged when the item or the section does not exist.
 */
export function moveItemTo(
  guide: GuideSectionDraft[],
  itemId: string,
  sectionIndex: number,
  index: number,
): GuideSectionDraft[] {
  const from = guide.findIndex((s) => s.items.some((i) => i.id === itemId));
  if (from < 0 || !guide[sectionIndex]) return guide;
  const item = guide[from].items.find((i) => i.id === itemId)!;
  const out = guide.map((s) => ({ ...s, items: s.items.filter((i) => i.id !== itemId) }));
  const items = out[sectionIndex].items;
  items.splice(Math.max(0, Math.min(index, items.length)), 0, item);
  return out;
}

/** Moves a section (with its items) to `index`. Returns the guide unchanged for an unknown section. */
export function moveSectionTo(
  guide: GuideSectionDraft[],
  sectionId: string,
  index: number,
): GuideSectionDraft[] {
  const from = guide.findIndex((s) => s.id === sectionId);
  if (from < 0) return guide;
  const out = [...guide];
  const [section] = out.splice(from, 1);
  out.splice(Math.max(0, Math.min(index, out.length)), 0, section);
  return out;
}
