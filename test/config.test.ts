import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../server/config.ts';

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cercle-config-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** Loads a config from `env` on top of a minimal test environment; returns the ConfigError or throws. */
function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ NODE_ENV: 'test', DATA_DIR: tempDir(), ...env });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(/^Invalid configuration:\n/);
    return (error as ConfigError).problems;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  const bad: [string, Record<string, string>, RegExp][] = [
    ['PORT', { PORT: 'abc' }, /^PORT must be a whole number between 0 and 65535 \(got "abc"\)$/],
    ['PORT', { PORT: '70000' }, /^PORT must be a whole number/],
    ['PORT', { PORT: '80.5' }, /^PORT must be a whole number/],
    [
      'DATABASE_URL',
      { DATABASE_URL: 'mysql://db/cercle' },
      /^DATABASE_URL must be a URL starting with postgres:\/\/ or postgresql:\/\//,
    ],
    ['DATABASE_URL', { DATABASE_URL: 'not a url' }, /^DATABASE_URL must be a valid URL/],
    [
      'REDIS_URL',
      { REDIS_URL: 'http://cache:6379' },
      /^REDIS_URL must be a URL starting with redis:\/\/ or rediss:\/\//,
    ],
    ['SMTP_URL', { SMTP_URL: 'mail.example.com:25' }, /^SMTP_URL must be/],
    [
      'PUBLIC_URL',
      { PUBLIC_URL: 'ftp://example.com' },
      /^PUBLIC_URL must be a URL starting with http:\/\/ or https:\/\//,
    ],
    [
      'SESSION_SECRET',
      { SESSION_SECRET: 'too-short' },
      /^SESSION_SECRET must be at least 32 characters long/,
    ],
    [
      'SESSION_SECRET',
      { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/cercle' },
      /^SESSION_SECRET is required with DATABASE_URL in production/,
    ],
    [
      'CERCLE_ROLES',
      { CERCLE_ROLES: 'web,cron' },
      /^CERCLE_ROLES must be a comma-separated list of web and worker/,
    ],
    ['CERCLE_ROLES', { CERCLE_ROLES: 'web,' }, /^CERCLE_ROLES must be/],
    [
      'CERCLE_ADMIN_EMAIL',
      { CERCLE_ADMIN_EMAIL: 'not-an-email', CERCLE_ADMIN_PASSWORD: 'long-enough-pw' },
      /^CERCLE_ADMIN_EMAIL must be a valid email address/,
    ],
    ['CERCLE_ADMIN_EMAIL', { CERCLE_ADMIN_PASSWORD: 'long-enough-pw' }, /^CERCLE_ADMIN_EMAIL must be/],
    [
      'CERCLE_ADMIN_PASSWORD',
      { CERCLE_ADMIN_EMAIL: 'admin@example.test', CERCLE_ADMIN_PASSWORD: 'short' },
      /^CERCLE_ADMIN_PASSWORD must be at least 10 characters long$/,
    ],
    ['CERCLE_ADMIN_PASSWORD', { CERCLE_ADMIN_EMAIL: 'admin@example.test' }, /^CERCLE_ADMIN_PASSWORD must be/],
    ['NODE_ENV', { NODE_ENV: 'staging' }, /^NODE_ENV must be development, production or test/],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }, /^LOG_LEVEL must be one of/],
    ['MAIL_FROM', { MAIL_FROM: 'nobody' }, /^MAIL_FROM must contain an email address/],
    ['BODY_LIMIT_BYTES', { BODY_LIMIT_BYTES: '10' }, /^BODY_LIMIT_BYTES must be a whole number between 1024/],
    ['TRUST_PROXY', { TRUST_PROXY: 'yes' }, /^TRUST_PROXY must be true or false/],
  ];
  for (const [variable, env, message] of bad) {
    it(`names ${variable} when it is invalid (${JSON.stringify(env)})`, () => {
      const problems = problemsOf(env);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(message);
      expect(problems[0].startsWith(variable)).toBe(true);
    });
  }

  it('reports every invalid variable at once', () => {
    const problems = problemsOf({
      PORT: 'abc',
      REDIS_URL: 'nope',
      SESSION_SECRET: 'short',
      CERCLE_ROLES: 'all',
    });
    expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual([
      'CERCLE_ROLES',
      'PORT',
      'REDIS_URL',
      'SESSION_SECRET',
    ]);
  });

  it('builds a typed configuration from valid values', () => {
    const dataDir = tempDir();
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: ' 8080 ',
      DATA_DIR: dataDir,
      DATABASE_URL: 'postgresql://cercle@db:5432/cercle',
      REDIS_URL: 'rediss://cache:6380',
      SMTP_URL: 'smtps://user:pass@mail.example.com:465',
      PUBLIC_URL: 'https://community.example.com///',
      SESSION_SECRET: 's'.repeat(40),
      CERCLE_ROLES: 'worker, web',
      CERCLE_ADMIN_EMAIL: 'Admin@Example.COM',
      CERCLE_ADMIN_PASSWORD: 'long-enough-password',
      BODY_LIMIT_BYTES: '2048',
      TRUST_PROXY: 'true',
    });
    expect(config).toMatchObject({
      env: 'production',
      port: 8080,
      dataDir: resolve(dataDir),
      databaseUrl: 'postgresql://cercle@db:5432/cercle',
      redisUrl: 'rediss://cache:6380',
      smtpUrl: 'smtps://user:pass@mail.example.com:465',
      publicUrl: 'https://community.example.com',
      sessionSecret: 's'.repeat(40),
      logLevel: 'info',
      roles: ['worker', 'web'],
      admin: { email: 'admin@example.com', password: 'long-enough-password' },
      bodyLimit: 2048,
      trustProxy: true,
    });
  });

  it('uses defaults, and in embedded mode keeps a generated session secret in the data folder', () => {
    const dataDir = tempDir();
    const first = loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir });
    expect(first).toMatchObject({
      port: 3000,
      publicUrl: 'http://localhost:3000',
      databaseUrl: null,
      redisUrl: null,
      smtpUrl: null,
      roles: ['web', 'worker'],
      admin: null,
      bodyLimit: 1024 * 1024,
      trustProxy: false,
    });
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dataDir, 'session-secret'), 'utf8').trim()).toBe(first.sessionSecret);
    expect(loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir }).sessionSecret).toBe(
      first.sessionSecret,
    );
    expect(loadConfig({ NODE_ENV: 'development', DATA_DIR: tempDir() }).sessionSecret).not.toBe(
      first.sessionSecret,
    );
  });

  it('writes no secret file when the configuration is invalid', () => {
    const dataDir = tempDir();
    expect(() => loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir, PORT: 'abc' })).toThrow(
      ConfigError,
    );
    expect(existsSync(join(dataDir, 'session-secret'))).toBe(false);
  });
});

/** Runs the real CLI with Node 24 from node_modules; resolves with its exit code and output. */
function runCli(args: string[], env: Record<string, string>) {
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
  delete childEnv.DATABASE_URL;
  delete childEnv.REDIS_URL;
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done, fail) => {
    const child = spawn(resolve('node_modules/.bin/node'), ['server/main.ts', ...args], { env: childEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('the cercle command', () => {
  it('refuses to start with an invalid PORT, naming it, with a non-zero exit code', async () => {
    const dataDir = tempDir();
    const result = await runCli(['serve'], { PORT: 'abc', DATA_DIR: dataDir, NODE_ENV: 'production' });
    expect(result.code).not.toBe(0);
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toContain('PORT must be a whole number between 0 and 65535 (got "abc")');
    expect(existsSync(join(dataDir, 'pgdata'))).toBe(false);
  }, 60_000);

  it('lists every invalid variable in one message', async () => {
    const result = await runCli(['migrate'], {
      DATA_DIR: tempDir(),
      SESSION_SECRET: 'short',
      SMTP_URL: 'http://mail',
    });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('SESSION_SECRET must be at least 32 characters long');
    expect(result.stderr).toContain('SMTP_URL must be a URL starting with smtp:// or smtps://');
  }, 60_000);
});
