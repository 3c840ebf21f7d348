/**
 * Safe highlighted snippets. `ts_headline` marks matches with two control characters that member text
 * cannot contain (they are removed beforehand); the snippet is then HTML-escaped and only then are the
 * markers turned into `<mark>` elements, so no member-written markup ever reaches the page.
 */

const START = '\u0002';
const STOP = '\u0003';

/**
 * `ts_headline` options: control-character markers, about 35 words in up to two fragments, short words
 * kept at their edges.
 */
export const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=15, ShortWord=0, MaxFragments=2, FragmentDelimiter=" … "`;

/** `ts_headline` options for a title: every match marked, the whole title kept. */
export const TITLE_HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, HighlightAll=true`;

/** The longest text handed to `ts_headline` (characters): snippets come from the beginning of long posts. */
export const MAX_HEADLINE_SOURCE = 10_000;

/** Plain text ready for `ts_headline`: markers and other control characters removed, length capped. */
export function headlineSource(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').slice(0, MAX_HEADLINE_SOURCE);
}

/** How many matches a headline marks. */
export function countMarks(headline: string): number {
  return headline.split(START).length - 1;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * A headline as safe HTML: the text escaped, each marked match in `<mark>`. Unbalanced markers (never
 * produced by `ts_headline`) are dropped rather than leaving an element open.
 */
export function markedHtml(headline: string): string {
  let open = false;
  let html = '';
  for (const part of headline.split(/([\u0002\u0003])/)) {
    if (part === START) {
      if (!open) html += '<mark>';
      open = true;
    } else if (part === STOP) {
      if (open) html += '</mark>';
      open = false;
    } else {
      html += escapeHtml(part);
    }
  }
  return open ? `${html}</mark>` : html;
}
