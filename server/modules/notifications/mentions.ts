import { pseudonymKey } from '../members/pseudonym.ts';

/** At most this many members are notified of a mention per post. */
export const MAX_MENTIONS = 10;

const MENTION_RE = /(^|[^\p{L}\p{N}._@/-])@([\p{L}\p{N}._-]{3,30})/gu;

/**
 * The pseudonym keys mentioned (`@pseudonym`) in a Markdown body, in order and without repeats, at most
 * `MAX_MENTIONS`. Code (fenced blocks and inline spans) is ignored; a sentence's trailing dot or dash is
 * tried both with and without it, since pseudonyms may contain them.
 */
export function mentionedKeys(markdown: string): string[][] {
  const text = markdown.replace(/```[\s\S]*?(```|$)/g, ' ').replace(/`[^`\n]*`/g, ' ');
  const seen = new Set<string>();
  const mentions: string[][] = [];
  for (const match of text.matchAll(MENTION_RE)) {
    const raw = match[2];
    const trimmed = raw.replace(/[._-]+$/, '');
    const keys = [pseudonymKey(raw)];
    if (trimmed !== raw && trimmed.length >= 3) keys.push(pseudonymKey(trimmed));
    if (keys.some((k) => seen.has(k))) continue;
    for (const k of keys) seen.add(k);
    mentions.push(keys);
    if (mentions.length >= MAX_MENTIONS) break;
  }
  return mentions;
}
