import { betterAuth } from 'better-auth';
import { magicLink } from 'better-auth/plugins/magic-link';
import type { Kysely } from 'kysely';
import {
  DEFAULT_LOCALE,
  type Locale,
  isLocale,
  localeFromAcceptLanguage,
} from '../../../common/i18n/index.ts';
import type { Config } from '../../config.ts';
import { newId } from '../db/ids.ts';
import type { DB } from '../db/schema.ts';
import type { Logger } from '../log/logger.ts';
import type { Mailer, OutgoingMail } from '../mail/mailer.ts';

/** Internal header carrying the client address to better-auth (always overwritten by the server). */
export const CLIENT_IP_HEADER = 'x-cercle-client-ip';

/** The cookie that remembers an anonymous visitor's language choice. */
export const LOCALE_COOKIE = 'cercle_locale';

/** Reads the language a request asks for: the locale cookie, then Accept-Language. */
export function localeOfRequest(request: Request | undefined, fallback: Locale = DEFAULT_LOCALE): Locale {
  if (!request) return fallback;
  const cookie = request.headers.get('cookie') ?? '';
  const match = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=(fr|en)`).exec(cookie);
  if (match && isLocale(match[1])) return match[1];
  return localeFromAcceptLanguage(request.headers.get('accept-language')) ?? fallback;
}

const timestamps = { createdAt: 'created_at', updatedAt: 'updated_at' } as const;

/** Builds the better-auth instance: email + password, verification, reset, magic link, rate limits. */
export function createAuth(options: { config: Config; db: Kysely<DB>; mailer: Mailer; log: Logger }) {
  const { config, db, mailer, log } = options;
  // better-auth may call these inside its own transaction; never await a query of ours there
  // (PGlite has one connection): queue the mail and let it wait for the connection.
  const send = (mail: OutgoingMail) => {
    mailer
      .queue(mail)
      .catch((error: unknown) => log.error({ err: error, kind: mail.kind }, 'could not queue mail'));
  };
  const userLocale = (user: object, request?: Request): Locale => {
    const locale = (user as { locale?: unknown }).locale;
    return isLocale(locale) ? locale : localeOfRequest(request);
  };

  return betterAuth({
    appName: 'Cercle',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret: config.sessionSecret,
    trustedOrigins: [config.publicUrl],
    database: { db, type: 'postgres' },
    user: {
      modelName: 'auth_user',
      fields: { emailVerified: 'email_verified', ...timestamps },
      additionalFields: {
        isPlatformAdmin: {
          type: 'boolean',
          fieldName: 'is_platform_admin',
          input: false,
          required: false,
          defaultValue: false,
        },
        locale: { type: 'string', fieldName: 'locale', input: false, required: false },
      },
    },
    session: {
      modelName: 'auth_session',
      fields: {
        userId: 'user_id',
        expiresAt: 'expires_at',
        ipAddress: 'ip_address',
        userAgent: 'user_agent',
        ...timestamps,
      },
      expiresIn: 60 * 60 * 24 * 30,
      updateAge: 60 * 60 * 24,
    },
    account: {
      modelName: 'auth_account',
      fields: {
        accountId: 'account_id',
        providerId: 'provider_id',
        userId: 'user_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
        ...timestamps,
      },
    },
    verification: { modelName: 'auth_verification', fields: { expiresAt: 'expires_at', ...timestamps } },
    rateLimit: {
      enabled: true,
      storage: 'database',
      modelName: 'auth_rate_limit',
      fields: { lastRequest: 'last_request' },
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/email': { window: 60, max: 10 },
        '/sign-up/email': { window: 60, max: 10 },
        '/request-password-reset': { window: 300, max: 5 },
        '/sign-in/magic-link': { window: 300, max: 5 },
        '/send-verification-email': { window: 300, max: 5 },
      },
    },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user, url }, request) => {
        send({
          to: user.email,
          kind: 'auth.reset',
          locale: userLocale(user, request),
          subjectKey: 'mail.reset.subject',
          bodyKey: 'mail.reset.body',
          params: { name: user.name, url },
        });
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: true,
      autoSignInAfterVerification: true,
      expiresIn: 60 * 60 * 24,
      sendVerificationEmail: async ({ user, url }, request) => {
        send({
          to: user.email,
          kind: 'auth.verify',
          locale: userLocale(user, request),
          subjectKey: 'mail.verify.subject',
          bodyKey: 'mail.verify.body',
          params: { name: user.name, url },
        });
      },
    },
    plugins: [
      magicLink({
        expiresIn: 600,
        disableSignUp: true,
        sendMagicLink: async ({ email, url }, ctx) => {
          send({
            to: email,
            kind: 'auth.magic',
            locale: localeOfRequest(ctx?.request),
            subjectKey: 'mail.magic.subject',
            bodyKey: 'mail.magic.body',
            params: { url },
          });
        },
      }),
    ],
    advanced: {
      cookiePrefix: 'cercle',
      useSecureCookies: config.publicUrl.startsWith('https://'),
      database: { generateId: () => newId() },
      // The server sets this header itself from the socket (or the trusted proxy's) address on every
      // request it hands to better-auth, overwriting anything a client sent: see CLIENT_IP_HEADER.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    logger: {
      level: config.logLevel === 'debug' || config.logLevel === 'trace' ? 'debug' : 'error',
      log: (level, message, ...args) => {
        const fn =
          level === 'error'
            ? log.error.bind(log)
            : level === 'warn'
              ? log.warn.bind(log)
              : log.debug.bind(log);
        fn({ args }, `auth: ${message}`);
      },
    },
  });
}

/** The better-auth instance type. */
export type Auth = ReturnType<typeof createAuth>;
