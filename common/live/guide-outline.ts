/** A guide item as the guide update takes it. */
export interface GuideItemDraft {
  id?: string;
  kind: 'question' | 'probe' | 'stimulus' | 'note';
  questionType?: 'open' | 'single' | 'multiple' | 'rating';
  body: string;
  options?: string[];
  blind?: boolean;
  /** A stimulus's media file (uploaded to the session). */
  mediaId?: string | null;
}

/** A guide section as the guide update takes it. */
export interface GuideSectionDraft {
  id?: string;
  title: string;
  plannedMinutes: number;
  items: GuideItemDraft[];
}

/** The guide as the server presents it (the fields the editor needs). */
export interface GuideSectionView {
  id: string;
  title: string;
  plannedMinutes: number;
  items: {
    id: string;
    kind: string;
    questionType: string | null;
    body: string;
    options: string[];
    blind: boolean;
    media?: { id: string; kind: string; alt: string; url: string } | null;
  }[];
}

/** The presented guide → the body of a guide update that keeps every section and item. */
export function toGuideDraft(sections: readonly GuideSectionView[]): GuideSectionDraft[] {
  return sections.map((s) => ({
    id: s.id,
    title: s.title,
    plannedMinutes: s.plannedMinutes,
    items: s.items.map((i) => ({
      id: i.id,
      kind: i.kind as GuideItemDraft['kind'],
      ...(i.questionType ? { questionType: i.questionType as GuideItemDraft['questionType'] } : {}),
      body: i.body,
      ...(i.options.length > 0 ? { options: [...i.options] } : {}),
      ...(i.blind ? { blind: true } : {}),
      ...(i.media ? { mediaId: i.media.id } : {}),
    })),
  }));
}

/**
 * Moves an item one step up or down; at a section's edge it moves into the previous or next section.
 * Returns the guide unchanged when it cannot move.
 */
export function moveItem(
  guide: GuideSectionDraft[],
  itemId: string,
  direction: 'up' | 'down',
): GuideSectionDraft[] {
  const out = guide.map((s) => ({ ...s, items: [...s.items] }));
  const s = out.findIndex((section) => section.items.some((i) => i.id === itemId));
  if (s < 0) return guide;
  const items = out[s].items;
  const i = items.findIndex((item) => item.id === itemId);
  const [item] = items.splice(i, 1);
  if (direction === 'up') {
    if (i > 0) items.splice(i - 1, 0, item);
    else if (s > 0) out[s - 1].items.push(item);
    else return guide;
  } else if (i < items.length) items.splice(i + 1, 0, item);
  else if (s < out.length - 1) out[s + 1].items.unshift(item);
  else return guide;
  return out;
}

/** Removes one item. */
export function removeItem(guide: GuideSectionDraft[], itemId: string): GuideSectionDraft[] {
  return guide.map((s) => ({ ...s, items: s.items.filter((i) => i.id !== itemId) }));
}

/**
 * Reads a plain-text outline into guide sections. One line each:
 * `# Title (15)` a section with its planned minutes; `? text` an open question (`?* text` blind);
 * `[single] text | A | B`, `[multiple] …`, `[rating] text` (a `*` after the bracket makes it blind);
 * `- text` a probe; `! text` a stimulus; `// text` a note to self. Blank lines are ignored. Items before
 * any section go into one named `defaultTitle`.
 */
export function parseOutline(outline: string, defaultTitle = 'Guide'): GuideSectionDraft[] {
  const sections: GuideSectionDraft[] = [];
  const current = () => {
    if (sections.length === 0) sections.push({ title: defaultTitle, plannedMinutes: 0, items: [] });
    return sections[sections.length - 1];
  };
  for (const raw of outline.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const section = /^#\s*(.+?)(?:\s*\((\d{1,3})\))?$/.exec(line);
    if (section) {
      sections.push({
        title: section[1],
        plannedMinutes: Math.min(Number(section[2] ?? 0), 480),
        items: [],
      });
      continue;
    }
    const typed = /^\[(single|multiple|rating)\](\*)?\s*(.+)$/.exec(line);
    if (typed) {
      const [body, ...options] = typed[3].split('|').map((p) => p.trim());
      current().items.push({
        kind: 'question',
        questionType: typed[1] as 'single',
        body: body,
        ...(typed[1] === 'rating' ? {} : { options: options.filter(Boolean) }),
        ...(typed[2] ? { blind: true } : {}),
      });
      continue;
    }
    const open = /^\?(\*)?\s*(.+)$/.exec(line);
    if (open) {
      current().items.push({
        kind: 'question',
        questionType: 'open',
        body: open[2],
        ...(open[1] ? { blind: true } : {}),
      });
      continue;
    }
    const other = /^(-|!|\/\/)\s*(.+)$/.exec(line);
    const kind = other
      ? ({ '-': 'probe', '!': 'stimulus', '//': 'note' } as const)[other[1] as '-']
      : 'probe';
    current().items.push({ kind, body: other ? other[2] : line });
  }
  return sections;
}
