// How a handler or a route loader declares an anonymous response cacheable (server and web share it).

/** The header a handler sets to make an anonymous response cacheable: `<seconds>; tags=a,b`. */
export const CACHE_DIRECTIVE_HEADER = 'x-cercle-public-cache';

/**
 * What a handler declares: how long the response stays fresh, and the tags (e.g. `community:<id>`)
 * whose events invalidate it. Parsed from {@link CACHE_DIRECTIVE_HEADER}; null when absent or malformed.
 */
export function parseCacheDirective(
  value: string | undefined | null,
): { ttlSeconds: number; tags: string[] } | null {
  if (!value) return null;
  const match = /^(\d{1,4})(?:;\s*tags=([\w:,-]+))?$/.exec(value.trim());
  if (!match) return null;
  const ttlSeconds = Number(match[1]);
  if (ttlSeconds < 1) return null;
  return { ttlSeconds, tags: match[2] ? match[2].split(',').filter(Boolean) : [] };
}

/** The directive value a handler sets (see {@link parseCacheDirective}). */
export function cacheDirective(ttlSeconds: number, tags: readonly string[]): string {
  return tags.length > 0 ? `${ttlSeconds}; tags=${tags.join(',')}` : String(ttlSeconds);
}
