import { describe, expect, it } from 'vitest';
import { significantWords } from './full-text.ts';
import { countMarks, headlineSource, markedHtml } from './highlight.ts';

describe('markedHtml', () => {
  it('escapes the text and turns only the markers into <mark> elements', () => {
    expect(markedHtml('a \u0002<b>&\u0003 "c" \'d\'')).toBe(
      'a <mark>&lt;b&gt;&amp;</mark> &quot;c&quot; &#39;d&#39;',
    );
  });
  it('never leaves an element open or closes one that was not opened', () => {
    expect(markedHtml('x\u0003 y \u0002z')).toBe('x y <mark>z</mark>');
    expect(markedHtml('\u0002\u0002a\u0003\u0003')).toBe('<mark>a</mark>');
  });
  it('counts the matches a headline marks', () => {
    expect(countMarks('\u0002a\u0003 b \u0002c\u0003')).toBe(2);
    expect(countMarks('plain')).toBe(0);
  });
});

describe('headlineSource', () => {
  it('removes control characters (so member text cannot forge markers) and caps the length', () => {
    expect(headlineSource('a\u0002b\u0003c\u0000d\ne')).toBe('abcd\ne');
    expect(headlineSource('x'.repeat(20_000))).toHaveLength(10_000);
  });
});

describe('significantWords', () => {
  it('keeps distinct subject words, unaccented, without fillers, single letters or the `or` operator', () => {
    expect(significantWords('Comment réparer les écrans ? Écran OR or TV, a')).toEqual([
      'reparer',
      'ecrans',
      'ecran',
      'tv',
    ]);
  });
});
