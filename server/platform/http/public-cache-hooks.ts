import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kernel } from '../kernel.ts';
import {
  CACHE_DIRECTIVE_HEADER,
  type CachedResponse,
  matchesEtag,
  parseCacheDirective,
  publicCacheControl,
  type PublicCache,
} from './public-cache.ts';

/** Whether a request may be answered from (and stored in) the anonymous cache: a GET without a viewer. */
export function isAnonymousRead(request: FastifyRequest): boolean {
  return request.method === 'GET' && !request.actor;
}

/** Whether the client asks for a response from the origin (`Cache-Control: no-cache`, RFC 9111 5.2.1.4). */
function wantsOrigin(request: FastifyRequest): boolean {
  const value = request.headers['cache-control'] ?? request.headers.pragma;
  return typeof value === 'string' && /\bno-cache\b/i.test(value);
}

/** The cache key of a request: its URL and interface language (the only things an anonymous page varies on). */
function publicCacheKey(request: FastifyRequest): string {
  return `${request.url}|${request.locale}`;
}

const REPLAYED_HEADERS = ['content-type', 'content-language', 'link'] as const;

/** The headers of a response worth replaying from the cache. */
function replayableHeaders(get: (name: string) => unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = get(name);
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}

/** The headers sent with a cached (or just cached) anonymous response. */
function cacheHeaders(entry: CachedResponse): Record<string, string> {
  return {
    etag: entry.etag,
    'cache-control': publicCacheControl(entry.ttlSeconds),
    vary: 'Cookie, Accept-Language',
  };
}

function sendCached(request: FastifyRequest, reply: FastifyReply, entry: CachedResponse) {
  reply.headers({ ...entry.headers, ...cacheHeaders(entry), 'x-cercle-cache': 'hit' });
  if (matchesEtag(request.headers['if-none-match'], entry.etag)) return reply.code(304).send();
  return reply.code(entry.status).send(entry.body);
}

/**
 * Serves anonymous GETs from the kernel's {@link PublicCache} and stores the responses (API and web pages)
 * whose handler declared them cacheable with {@link CACHE_DIRECTIVE_HEADER}.
 * Register after the request context (it needs the actor and the locale).
 */
export function registerPublicCache(app: FastifyInstance, kernel: Kernel): void {
  const cache: PublicCache = kernel.publicCache;
  app.addHook('onRequest', async (request, reply) => {
    if (!isAnonymousRead(request) || wantsOrigin(request)) return;
    const entry = cache.get(publicCacheKey(request));
    if (entry) return sendCached(request, reply, entry);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const directive = reply.getHeader(CACHE_DIRECTIVE_HEADER);
    if (directive === undefined) return payload;
    reply.removeHeader(CACHE_DIRECTIVE_HEADER);
    const parsed = parseCacheDirective(String(directive));
    const storable =
      parsed &&
      isAnonymousRead(request) &&
      reply.statusCode === 200 &&
      reply.getHeader('set-cookie') === undefined &&
      (typeof payload === 'string' || Buffer.isBuffer(payload));
    if (!storable) return payload;
    const entry = cache.set(
      publicCacheKey(request),
      {
        status: 200,
        headers: replayableHeaders((name) => reply.getHeader(name)),
        body: Buffer.from(payload),
      },
      parsed.ttlSeconds,
      parsed.tags,
    );
    reply.headers(cacheHeaders(entry));
    if (matchesEtag(request.headers['if-none-match'], entry.etag)) {
      reply.code(304);
      return '';
    }
    return payload;
  });
}
