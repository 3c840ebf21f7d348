import { describe, expect, it } from 'vitest';
import type { GuideSectionDraft } from './guide-outline.ts';
import { moveItemTo, moveSectionTo } from './guide-moves.ts';

const guide: GuideSectionDraft[] = [
  {
    id: 's1',
    title: 'A',
    plannedMinutes: 5,
    items: [
      { id: 'a', kind: 'probe', body: 'a' },
      { id: 'b', kind: 'probe', body: 'b' },
    ],
  },
  { id: 's2', title: 'B', plannedMinutes: 5, items: [{ id: 'c', kind: 'probe', body: 'c' }] },
];
const ids = (g: GuideSectionDraft[]) => g.map((s) => `${s.id}:${s.items.map((i) => i.id).join('')}`);

describe('guide moves (drag and drop)', () => {
  it('moves an item to a position within or across sections', () => {
    expect(ids(moveItemTo(guide, 'a', 0, 1))).toEqual(['s1:ba', 's2:c']);
    expect(ids(moveItemTo(guide, 'a', 1, 0))).toEqual(['s1:b', 's2:ac']);
    expect(ids(moveItemTo(guide, 'c', 0, 99))).toEqual(['s1:abc', 's2:']);
    expect(ids(moveItemTo(guide, 'x', 0, 0))).toEqual(ids(guide));
    expect(ids(moveItemTo(guide, 'a', 5, 0))).toEqual(ids(guide));
  });

  it('moves a section with its items', () => {
    expect(ids(moveSectionTo(guide, 's2', 0))).toEqual(['s2:c', 's1:ab']);
    expect(ids(moveSectionTo(guide, 's1', 9))).toEqual(['s2:c', 's1:ab']);
    expect(ids(moveSectionTo(guide, 'nope', 0))).toEqual(ids(guide));
  });
});
