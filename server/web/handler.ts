import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import fastifyStatic from '@fastify/static';
import { createReadableStreamFromReadable, writeReadableStreamToWritable } from '@react-router/node';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createRequestHandler, RouterContextProvider, type ServerBuild } from 'react-router';
import { appContext } from '../../web/context.ts';
import { adminPolicy } from '../modules/admin/admin.policy.ts';
import { communityCreationPolicy } from '../modules/communities/communities.policy.ts';
import { CLIENT_IP_HEADER } from '../platform/auth/auth.ts';
import { translate, type Locale } from '../../common/i18n/index.ts';
import type { MessageKey } from '../../common/i18n/en.ts';
import { isAnonymousRead } from '../platform/http/public-cache-hooks.ts';
import { CACHE_DIRECTIVE_HEADER } from '../platform/http/public-cache.ts';
import { ctxOf, toHeaders } from '../platform/http/request-context.ts';
import type { Kernel } from '../platform/kernel.ts';
import { createWebApi } from './web-api.ts';

/** Where `react-router build` writes the app. */
export const BUILD_DIR = resolve(import.meta.dirname, '../../build');

/**
 * The largest body of a web form post: a form may carry several files (a survey builder's pictures and a
 * 50 MB video stimulus), and React Router reads a form post whole into memory, so anything larger is refused
 * before it is read.
 */
export const WEB_FORM_LIMIT_BYTES = 120 * 1024 * 1024;

/** A body without a declared length that goes over the limit: the stream stops with this error. */
class FormTooLargeError extends Error {}

/** Passes a request body through, stopping it once it exceeds `limit` bytes. */
export function limited(source: Readable, limit: number): Readable {
  let seen = 0;
  return source.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        seen += chunk.length;
        if (seen > limit) callback(new FormTooLargeError(`form post over ${limit} bytes`));
        else callback(null, chunk);
      },
    }),
  );
}

function toFetchRequest(request: FastifyRequest, origin: string): Request {
  const url = new URL(request.url, origin);
  const headers = toHeaders(request.headers);
  // Always overwritten: better-auth reads the client address from it (a client cannot choose it).
  headers.set(CLIENT_IP_HEADER, request.ip);
  const init: RequestInit & { duplex?: 'half' } = { method: request.method, headers };
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    init.body = createReadableStreamFromReadable(limited(request.raw, WEB_FORM_LIMIT_BYTES));
    init.duplex = 'half';
  }
  return new Request(url, init);
}

/**
 * Refuses cross-site writes (CSRF): a non-GET request must come from Cercle's own origin when the browser
 * says where it comes from (Origin, or Sec-Fetch-Site).
 */
function isSameOrigin(request: FastifyRequest, publicUrl: string): boolean {
  if (request.method === 'GET' || request.method === 'HEAD') return true;
  const origin = request.headers.origin;
  // "null" is what browsers send when the referrer policy hides the origin: fall back to Sec-Fetch-Site.
  if (origin && origin !== 'null') return origin === new URL(publicUrl).origin;
  const site = request.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A minimal error page in the request's language, for refusals made before React Router runs. */
function errorPage(locale: Locale, messageKey: MessageKey): string {
  const say = (key: MessageKey) => escapeHtml(translate(locale, key));
  return `<!doctype html><html lang="${locale}"><meta charset="utf-8"><title>${say('error.pageTitle')}</title><main><h1>${say('error.pageTitle')}</h1><p role="alert">${say(messageKey)}</p><p><a href="/">${say('error.backHome')}</a></p></main></html>`;
}

/**
 * Sends a page its route declared cacheable (anonymous GET, 200, no cookie set) through Fastify, whose
 * public-cache onSend hook (`registerPublicCache`) stores it and answers with its ETag, as for the API.
 * Returns false when the page is not cacheable (the directive header is then dropped).
 */
async function sendCacheable(
  request: FastifyRequest,
  reply: FastifyReply,
  response: Response,
): Promise<boolean> {
  const cacheable =
    response.headers.has(CACHE_DIRECTIVE_HEADER) &&
    isAnonymousRead(request) &&
    response.status === 200 &&
    response.headers.getSetCookie().length === 0;
  if (!cacheable) {
    response.headers.delete(CACHE_DIRECTIVE_HEADER);
    return false;
  }
  const body = Buffer.from(await response.arrayBuffer());
  response.headers.forEach((value, name) => {
    if (name !== 'content-length') reply.header(name, value);
  });
  await reply.code(200).send(body);
  return true;
}

/** Node's and React Router's ways of saying a connection ended before a page was written. */
const CLOSED_CONNECTION_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ERR_STREAM_PREMATURE_CLOSE',
  'ERR_STREAM_DESTROYED',
  'ERR_STREAM_WRITE_AFTER_END',
]);

/**
 * Whether a page write failed because the client went away (closed the connection mid-page): React
 * Router's `WritableClosedError` (not exported: known by its class name) or a socket error. Known by the
 * error, not by the response's state: React Router destroys the response before rethrowing any error.
 */
export function isClientGone(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.constructor.name === 'WritableClosedError') return true;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && CLOSED_CONNECTION_CODES.has(code);
}

export async function sendResponse(reply: FastifyReply, response: Response): Promise<void> {
  reply.hijack();
  const res = reply.raw;
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, key) => {
    if (key !== 'set-cookie') headers[key] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  res.writeHead(response.status, response.statusText, headers);
  if (!response.body) return void res.end();
  try {
    await writeReadableStreamToWritable(response.body, res);
  } catch (error) {
    // The browser went away mid-page: worth a debug line, not an error. Anything else is a real fault.
    if (!isClientGone(error)) throw error;
    reply.log.debug({ err: error }, 'the client closed the connection before the page was sent');
  }
}

/**
 * Serves the React Router app: hashed assets from `build/client` (cached for a year), every other
 * non-API URL server-rendered with the request's viewer, locale and web API in the load context.
 * @throws Error when the web app was not built.
 */
export async function registerWeb(app: FastifyInstance, kernel: Kernel): Promise<void> {
  const serverEntry = join(BUILD_DIR, 'server/index.js');
  if (!existsSync(serverEntry)) throw new Error('The web app is not built: run `npm run build` first.');
  const build = (await import(pathToFileURL(serverEntry).href)) as ServerBuild;
  const handle = createRequestHandler(
    build,
    kernel.config.env === 'development' ? 'development' : 'production',
  );

  await app.register(fastifyStatic, {
    root: join(BUILD_DIR, 'client'),
    prefix: '/',
    wildcard: false,
    index: false,
    setHeaders: (res, path) => {
      res.header(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
      );
    },
  });

  await app.register(async (web) => {
    // Leave bodies unread: React Router reads form posts itself.
    web.removeAllContentTypeParsers();
    web.addContentTypeParser('*', (_request, _payload, done) => done(null));
    web.route({
      method: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      url: '/*',
      schema: { hide: true },
      handler: async (request, reply) => {
        if (request.url.startsWith('/api/')) {
          return reply.callNotFound();
        }
        if (!isSameOrigin(request, kernel.config.publicUrl)) {
          return reply
            .status(403)
            .type('text/html; charset=utf-8')
            .send(errorPage(request.locale, 'error.forbidden'));
        }
        if (Number(request.headers['content-length'] ?? 0) > WEB_FORM_LIMIT_BYTES) {
          return reply
            .status(413)
            .header('connection', 'close')
            .type('text/html; charset=utf-8')
            .send(errorPage(request.locale, 'error.payload_too_large'));
        }
        const fetchRequest = toFetchRequest(request, kernel.config.publicUrl);
        const ctx = ctxOf(kernel, request);
        // A page's loaders run side by side and share what they read (its community, once).
        if (request.method === 'GET' || request.method === 'HEAD') ctx.reads = new Map();
        const context = new RouterContextProvider();
        context.set(appContext, {
          viewer: request.actor
            ? {
                userId: request.actor.userId,
                name: request.actor.name,
                email: request.actor.email,
                abilities: {
                  createCommunity: communityCreationPolicy.createCommunity(request.actor, null),
                  readMailOutbox: adminPolicy.readMailOutbox(request.actor, null),
                },
              }
            : null,
          locale: request.locale,
          publicUrl: kernel.config.publicUrl,
          requestId: request.id,
          api: createWebApi(ctx, fetchRequest.headers),
        });
        const response = await handle(fetchRequest, context);
        if (await sendCacheable(request, reply, response)) return reply;
        await sendResponse(reply, response);
      },
    });
  });
}
