import { describe, expect, it } from 'vitest';
import { diffLines } from './line-diff.ts';

describe('diffLines', () => {
  it('keeps common lines and marks what was removed and added, in order', () => {
    expect(diffLines('one\ntwo\nthree', 'one\n2\nthree\nfour')).toEqual([
      { kind: 'same', text: 'one' },
      { kind: 'removed', text: 'two' },
      { kind: 'added', text: '2' },
      { kind: 'same', text: 'three' },
      { kind: 'added', text: 'four' },
    ]);
  });

  it('reports identical texts as unchanged, whatever their line ends', () => {
    expect(diffLines('a\nb', 'a\nb').every((line) => line.kind === 'same')).toBe(true);
    expect(diffLines('a\r\nb', 'a\nb')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'same', text: 'b' },
    ]);
  });

  it('falls back to everything removed then added for very long texts', () => {
    const before = Array.from({ length: 600 }, (_, i) => `line ${i}`).join('\n');
    const after = Array.from({ length: 600 }, (_, i) => `row ${i}`).join('\n');
    const diff = diffLines(before, after);
    expect(diff).toHaveLength(1200);
    expect(diff[0]).toEqual({ kind: 'removed', text: 'line 0' });
    expect(diff[600]).toEqual({ kind: 'added', text: 'row 0' });
  });
});
