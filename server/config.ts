import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Which parts of Cercle this process runs. */
export type ProcessRole = 'web' | 'worker';

/** The typed, validated configuration of one Cercle process. */
export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  dataDir: string;
  /** A real PostgreSQL; when absent, the embedded PGlite in `dataDir` is used. */
  databaseUrl: string | null;
  redisUrl: string | null;
  smtpUrl: string | null;
  mailFrom: string;
  /** The SMS provider: the outbox only (default), or a Twilio-compatible REST API. */
  sms: SmsConfig;
  sessionSecret: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  roles: ProcessRole[];
  /**
   * Whether a web-role process also serves the React Router app (CERCLE_WEB, default true). `false` serves
   * only the API, health checks and Socket.IO, without `npm run build` (API-only nodes, process tests).
   */
  web: boolean;
  admin: { email: string; password: string } | null;
  trustProxy: boolean;
  /** Largest accepted request body, in bytes. */
  bodyLimit: number;
  /**
   * Requests per minute the global rate limit allows one key (the signed-in user, else the client IP):
   * RATE_LIMIT_PER_MINUTE, default 600. Raised by load tests (`npm run bench`), not in production.
   */
  rateLimitPerMinute: number;
}

/** Thrown when the environment holds invalid values; lists every problem, one per line. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

type Env = Record<string, string | undefined>;

function readUrl(env: Env, name: string, protocols: string[], problems: string[]): string | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  try {
    const url = new URL(raw);
    if (!protocols.includes(url.protocol)) {
      problems.push(
        `${name} must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')} (got "${url.protocol}//…")`,
      );
      return null;
    }
    return raw;
  } catch {
    problems.push(`${name} must be a valid URL such as ${protocols[0]}//host:port (got "${raw}")`);
    return null;
  }
}

function readInt(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be a whole number between ${min} and ${max} (got "${raw}")`);
    return fallback;
  }
  return value;
}

/** Reads or creates the secret stored in the data folder (embedded mode only). */
function embeddedSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** How text messages leave: captured in the outbox only, or sent through a Twilio-compatible REST API. */
export type SmsConfig =
  | { provider: 'outbox' }
  | {
      provider: 'twilio';
      baseUrl: string;
      accountSid: string;
      authToken: string;
      from: string;
      timeoutMs: number;
    };

/** Reads the SMS settings (`SMS_PROVIDER` and, for `twilio`, its account, token, sender, URL, timeout). */
function readSms(env: Env, problems: string[]): SmsConfig {
  const provider = env.SMS_PROVIDER?.trim() || 'outbox';
  if (provider === 'outbox') return { provider };
  if (provider !== 'twilio') {
    problems.push(`SMS_PROVIDER must be outbox or twilio (got "${provider}")`);
    return { provider: 'outbox' };
  }
  const need = (name: string) => {
    const value = env[name]?.trim() ?? '';
    if (!value) problems.push(`${name} is required with SMS_PROVIDER=twilio`);
    return value;
  };
  const accountSid = need('SMS_ACCOUNT_SID');
  const authToken = need('SMS_AUTH_TOKEN');
  const from = need('SMS_FROM');
  if (from && !/^(\+[1-9]\d{6,14}|[A-Za-z0-9 ]{1,11})$/.test(from))
    problems.push(
      `SMS_FROM must be an E.164 number or an alphanumeric sender of at most 11 characters (got "${from}")`,
    );
  const baseUrl = (
    readUrl(env, 'SMS_BASE_URL', ['https:', 'http:'], problems) ?? 'https://api.twilio.com'
  ).replace(/\/+$/, '');
  const timeoutMs = readInt(env, 'SMS_TIMEOUT_MS', 10_000, 500, 60_000, problems);
  return { provider: 'twilio', baseUrl, accountSid, authToken, from, timeoutMs };
}

/**
 * Builds the configuration from environment variables.
 * @throws ConfigError naming each invalid variable and what is expected.
 */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const nodeEnv = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    problems.push(`NODE_ENV must be development, production or test (got "${nodeEnv}")`);
  }
  const port = readInt(env, 'PORT', 3000, 0, 65535, problems);
  const host = env.HOST?.trim() || '0.0.0.0';
  const dataDir = resolve(env.DATA_DIR?.trim() || './data');
  const databaseUrl = readUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:'], problems);
  const redisUrl = readUrl(env, 'REDIS_URL', ['redis:', 'rediss:'], problems);
  const smtpUrl = readUrl(env, 'SMTP_URL', ['smtp:', 'smtps:'], problems);
  const publicUrlRaw = readUrl(env, 'PUBLIC_URL', ['http:', 'https:'], problems);
  const publicUrl = (publicUrlRaw ?? `http://localhost:${port}`).replace(/\/+$/, '');

  const sms = readSms(env, problems);
  const mailFrom = env.MAIL_FROM?.trim() || 'Cercle <no-reply@cercle.local>';
  if (!/@/.test(mailFrom)) problems.push(`MAIL_FROM must contain an email address (got "${mailFrom}")`);

  let sessionSecret = env.SESSION_SECRET?.trim() ?? '';
  if (sessionSecret && sessionSecret.length < 32) {
    problems.push('SESSION_SECRET must be at least 32 characters long (use: openssl rand -base64 32)');
  } else if (!sessionSecret) {
    if (databaseUrl && nodeEnv === 'production') {
      problems.push(
        'SESSION_SECRET is required with DATABASE_URL in production: every process must share it',
      );
    } else if (nodeEnv === 'test') {
      sessionSecret = 'test-secret-test-secret-test-secret-0123';
    } else if (problems.length === 0) {
      sessionSecret = embeddedSecret(dataDir);
    }
  }

  const logLevel = (env.LOG_LEVEL?.trim() || (nodeEnv === 'test' ? 'silent' : 'info')) as Config['logLevel'];
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    problems.push(
      `LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "${logLevel}")`,
    );
  }

  const rolesRaw = env.CERCLE_ROLES?.trim() || 'web,worker';
  const roles = rolesRaw.split(',').map((r) => r.trim()) as ProcessRole[];
  if (roles.length === 0 || roles.some((r) => r !== 'web' && r !== 'worker')) {
    problems.push(`CERCLE_ROLES must be a comma-separated list of web and worker (got "${rolesRaw}")`);
  }

  const webRaw = env.CERCLE_WEB?.trim() || 'true';
  if (!['true', 'false'].includes(webRaw)) {
    problems.push(`CERCLE_WEB must be true or false (got "${webRaw}")`);
  }

  const adminEmail = env.CERCLE_ADMIN_EMAIL?.trim();
  const adminPassword = env.CERCLE_ADMIN_PASSWORD ?? '';
  let admin: Config['admin'] = null;
  if (adminEmail || adminPassword) {
    if (!adminEmail || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(adminEmail)) {
      problems.push('CERCLE_ADMIN_EMAIL must be a valid email address when CERCLE_ADMIN_PASSWORD is set');
    } else if (adminPassword.length < 10) {
      problems.push('CERCLE_ADMIN_PASSWORD must be at least 10 characters long');
    } else {
      admin = { email: adminEmail.toLowerCase(), password: adminPassword };
    }
  }

  const bodyLimit = readInt(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024, problems);
  const rateLimitPerMinute = readInt(env, 'RATE_LIMIT_PER_MINUTE', 600, 1, 100_000_000, problems);
  const trustProxyRaw = env.TRUST_PROXY?.trim() || 'false';
  if (!['true', 'false'].includes(trustProxyRaw)) {
    problems.push(`TRUST_PROXY must be true or false (got "${trustProxyRaw}")`);
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    env: nodeEnv as Config['env'],
    host,
    port,
    publicUrl,
    dataDir,
    databaseUrl,
    redisUrl,
    smtpUrl,
    mailFrom,
    sms,
    sessionSecret,
    logLevel,
    roles,
    web: webRaw === 'true',
    admin,
    trustProxy: trustProxyRaw === 'true',
    bodyLimit,
    rateLimitPerMinute,
  };
}
