import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  DEFAULT_LOCALE,
  isLocale,
  type Locale,
  localeFromAcceptLanguage,
} from '../../../common/i18n/index.ts';
import { LOCALE_COOKIE } from '../auth/auth.ts';
import type { Actor } from '../authz/actor.ts';
import type { Ctx } from '../context.ts';
import type { Kernel } from '../kernel.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
  }
}

/** Copies Node request headers into a Fetch `Headers`. */
export function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else if (value !== undefined) headers.set(key, value);
  }
  return headers;
}

/** The name of better-auth's session cookie (with the `cercle` prefix). */
const SESSION_COOKIE = 'cercle.session_token';

/** Resolves the signed-in actor from a request's session cookie (null when anonymous or expired). */
export async function resolveActor(kernel: Kernel, headers: Headers): Promise<Actor | null> {
  if (!headers.get('cookie')?.includes(SESSION_COOKIE)) return null;
  const session = await kernel.auth.api.getSession({ headers });
  if (!session) return null;
  const user = session.user as typeof session.user & { isPlatformAdmin?: boolean; locale?: string | null };
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    emailVerified: user.emailVerified,
    isPlatformAdmin: !!user.isPlatformAdmin,
    locale: user.locale ?? null,
  };
}

/** The interface language: the account's, then the cookie, then Accept-Language, then the default. */
export function pickLocale(
  actor: Actor | null,
  cookieHeader: string | undefined,
  acceptLanguage: string | undefined,
): Locale {
  if (actor && isLocale(actor.locale)) return actor.locale;
  const match = cookieHeader ? new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=(fr|en)`).exec(cookieHeader) : null;
  if (match && isLocale(match[1])) return match[1];
  return localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}

/** Decorates every request with its actor and locale (resolved once, before handlers run). */
export function registerRequestContext(app: FastifyInstance, kernel: Kernel): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', DEFAULT_LOCALE);
  app.addHook('onRequest', async (request) => {
    const url = request.url;
    const needsActor =
      !url.startsWith('/assets/') &&
      !url.startsWith('/api/auth/') &&
      url !== '/healthz' &&
      // Anonymous requests (no session cookie) skip copying their headers for better-auth.
      !!request.headers.cookie?.includes(SESSION_COOKIE);
    request.actor = needsActor ? await resolveActor(kernel, toHeaders(request.headers)) : null;
    request.locale = pickLocale(request.actor, request.headers.cookie, request.headers['accept-language']);
  });
}

/** The command context of a request. */
export function ctxOf(kernel: Kernel, request: FastifyRequest): Ctx {
  return { kernel, actor: request.actor, locale: request.locale, requestId: request.id };
}
