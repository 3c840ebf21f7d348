import { describe, expect, it } from 'vitest';
import { cacheDirective, etagOf, matchesEtag, parseCacheDirective, PublicCache } from './public-cache.ts';

const response = (text: string) => ({
  status: 200,
  headers: { 'content-type': 'text/plain' },
  body: Buffer.from(text),
});

describe('PublicCache', () => {
  it('serves an entry until it expires, then forgets it', () => {
    let now = 1_000;
    const cache = new PublicCache({ now: () => now });
    cache.set('/t/1|fr', response('page'), 5, ['community:a']);
    expect(cache.get('/t/1|fr')?.body.toString()).toBe('page');
    expect(cache.get('/t/1|en')).toBeUndefined();
    now += 5_000;
    expect(cache.get('/t/1|fr')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops the entries of a tag, and only those', () => {
    const cache = new PublicCache();
    cache.set('a', response('a'), 60, ['community:a']);
    cache.set('b', response('b'), 60, ['community:b']);
    cache.invalidate('community:a');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')?.body.toString()).toBe('b');
  });

  it('stays within its entry and byte budgets, oldest first', () => {
    const cache = new PublicCache({ maxEntries: 2, maxBytes: 100 });
    cache.set('1', response('x'.repeat(5)), 60, []);
    cache.set('2', response('x'.repeat(5)), 60, []);
    cache.set('3', response('x'.repeat(5)), 60, []);
    expect([cache.get('1'), !!cache.get('2'), !!cache.get('3')]).toEqual([undefined, true, true]);
    cache.set('big', response('x'.repeat(11)), 60, []);
    expect(cache.get('big')).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it('gives a body its strong ETag and matches If-None-Match lists', () => {
    const cache = new PublicCache();
    const entry = cache.set('k', response('body'), 60, []);
    expect(entry.etag).toBe(etagOf('body'));
    expect(matchesEtag(`"other", W/${entry.etag}`, entry.etag)).toBe(true);
    expect(matchesEtag('"other"', entry.etag)).toBe(false);
    expect(matchesEtag(undefined, entry.etag)).toBe(false);
  });
});

describe('cache directives', () => {
  it('round-trips a TTL with tags and refuses malformed values', () => {
    expect(parseCacheDirective(cacheDirective(10, ['community:0190', 'topic:x']))).toEqual({
      ttlSeconds: 10,
      tags: ['community:0190', 'topic:x'],
    });
    expect(parseCacheDirective('5')).toEqual({ ttlSeconds: 5, tags: [] });
    for (const bad of [undefined, '', '0', 'soon', '10; tags=<x>'])
      expect(parseCacheDirective(bad)).toBeNull();
  });
});
