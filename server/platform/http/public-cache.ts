import { createHash } from 'node:crypto';

export { CACHE_DIRECTIVE_HEADER, cacheDirective, parseCacheDirective } from '../../../common/http-cache.ts';

/** A response kept for anonymous readers: status, headers to replay, body and its strong ETag. */
export interface CachedResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  etag: string;
  /** How long it stays fresh (what shared caches are told). */
  ttlSeconds: number;
}

interface Entry extends CachedResponse {
  expiresAt: number;
  tags: readonly string[];
}

/** A strong ETag of a body. */
export function etagOf(body: Buffer | string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** Whether an `If-None-Match` header matches an ETag (a list, weak or strong, or `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * An in-process micro-cache of anonymous public responses (DESIGN rule 14): entries live a few seconds
 * and are dropped earlier by the events of their community (`invalidate('community:<id>')`). It never
 * holds a response meant for a signed-in viewer: callers only look up and store anonymous requests.
 * Bounded by entry count and total bytes; the oldest entries go first.
 */
export class PublicCache {
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  readonly #now: () => number;
  #bytes = 0;

  constructor(options: { maxEntries?: number; maxBytes?: number; now?: () => number } = {}) {
    this.#maxEntries = options.maxEntries ?? 2000;
    this.#maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.#now = options.now ?? Date.now;
  }

  /** The fresh entry under `key`, or undefined (an expired one is dropped). */
  get(key: string): CachedResponse | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.#now()) {
      this.#delete(key, entry);
      return undefined;
    }
    return entry;
  }

  /** Keeps a response for `ttlSeconds`, tagged for invalidation. Bodies over a tenth of the budget are not kept. */
  set(
    key: string,
    response: Omit<CachedResponse, 'etag' | 'ttlSeconds'>,
    ttlSeconds: number,
    tags: readonly string[],
  ): CachedResponse {
    const entry: Entry = {
      ...response,
      etag: etagOf(response.body),
      ttlSeconds,
      expiresAt: this.#now() + ttlSeconds * 1000,
      tags,
    };
    if (response.body.length > this.#maxBytes / 10) return entry;
    const previous = this.#entries.get(key);
    if (previous) this.#delete(key, previous);
    this.#entries.set(key, entry);
    this.#bytes += entry.body.length;
    for (const [oldKey, old] of this.#entries) {
      if (this.#entries.size <= this.#maxEntries && this.#bytes <= this.#maxBytes) break;
      this.#delete(oldKey, old);
    }
    return entry;
  }

  /** Drops every entry carrying `tag`. */
  invalidate(tag: string): void {
    for (const [key, entry] of this.#entries) if (entry.tags.includes(tag)) this.#delete(key, entry);
  }

  /** How many entries are held (for tests and metrics). */
  get size(): number {
    return this.#entries.size;
  }

  #delete(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#bytes -= entry.body.length;
  }
}

/** The Cache-Control of a cacheable anonymous response: browsers revalidate (ETag), shared caches keep it `ttl` s. */
export function publicCacheControl(ttlSeconds: number): string {
  return `public, max-age=0, s-maxage=${ttlSeconds}, must-revalidate`;
}
