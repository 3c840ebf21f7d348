import { describe, expect, it } from 'vitest';
import { type GuideSectionDraft, moveItem, parseOutline, removeItem } from './guide-outline.ts';

describe('guide outlines', () => {
  it('reads sections, question kinds, blind marks, probes, stimuli and notes', () => {
    const guide = parseOutline(`
      Loose probe first
      # Warm-up (10)
      ? How do you ride?
      ?* What do you ride for?
      # Winter (20)
      [single]* Do you ride in winter? | Yes | No
      [multiple] What stops you? | Cold | Dark | Rain
      [rating] How much do you like winter?
      - Tell us more
      ! The new mudguard
      // Watch the time
    `);
    expect(guide.map((s) => [s.title, s.plannedMinutes, s.items.length])).toEqual([
      ['Guide', 0, 1],
      ['Warm-up', 10, 2],
      ['Winter', 20, 6],
    ]);
    expect(guide[1].items[1]).toEqual({
      kind: 'question',
      questionType: 'open',
      body: 'What do you ride for?',
      blind: true,
    });
    expect(guide[2].items[0]).toEqual({
      kind: 'question',
      questionType: 'single',
      body: 'Do you ride in winter?',
      options: ['Yes', 'No'],
      blind: true,
    });
    expect(guide[2].items[2]).toEqual({
      kind: 'question',
      questionType: 'rating',
      body: 'How much do you like winter?',
    });
    expect(guide[2].items.slice(3).map((i) => i.kind)).toEqual(['probe', 'stimulus', 'note']);
  });

  it('moves items within and across sections, and removes them', () => {
    const guide: GuideSectionDraft[] = [
      {
        id: 's1',
        title: 'A',
        plannedMinutes: 5,
        items: [
          { id: 'a', kind: 'probe' as const, body: 'a' },
          { id: 'b', kind: 'probe' as const, body: 'b' },
        ],
      },
      { id: 's2', title: 'B', plannedMinutes: 5, items: [{ id: 'c', kind: 'probe' as const, body: 'c' }] },
    ];
    const ids = (g: GuideSectionDraft[]) => g.map((s) => s.items.map((i) => i.id));
    expect(ids(moveItem(guide, 'b', 'up'))).toEqual([['b', 'a'], ['c']]);
    expect(ids(moveItem(guide, 'b', 'down'))).toEqual([['a'], ['b', 'c']]);
    expect(ids(moveItem(guide, 'c', 'up'))).toEqual([['a', 'b', 'c'], []]);
    expect(ids(moveItem(guide, 'a', 'up'))).toEqual([['a', 'b'], ['c']]);
    expect(ids(moveItem(guide, 'c', 'down'))).toEqual([['a', 'b'], ['c']]);
    expect(ids(removeItem(guide, 'a'))).toEqual([['b'], ['c']]);
  });
});
