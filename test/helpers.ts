import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import type { Ctx } from '../server/platform/context.ts';
import { openDatabase } from '../server/platform/db/database.ts';
import { newId } from '../server/platform/db/ids.ts';
import type { CommunityRole } from '../server/platform/db/schema.ts';
import { createKernel, type Kernel } from '../server/platform/kernel.ts';
import { createCredentialUser } from '../server/modules/identity/commands/create-credential-user.ts';
import { pseudonymKey } from '../server/modules/members/pseudonym.ts';

/** True when the suite runs against a real PostgreSQL (CI's second pass). */
export const onPostgres = !!process.env.DATABASE_URL;

let shared: Promise<{ kernel: Kernel; app: FastifyInstance }> | null = null;

let template: Blob | null = null;
/** The run's migrated PGlite data folder (test/global-setup.ts), read once per worker. */
function pgliteTemplate(): Blob | undefined {
  const file = inject('pgliteTemplate');
  if (!file) return undefined;
  template ??= new Blob([readFileSync(file)]);
  return template;
}

/** Builds a kernel for tests: PGlite in memory started from the run's migrated template (or DATABASE_URL). */
export async function makeKernel(env: Record<string, string> = {}): Promise<Kernel> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PUBLIC_URL: 'http://localhost:3000',
    TRUST_PROXY: 'true',
    // Uploaded files of the tests go to a folder of their own, never to the project's ./data.
    DATA_DIR: join(tmpdir(), `cercle-test-data-${process.pid}`),
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    ...env,
  });
  const database = config.databaseUrl
    ? await openDatabase({ kind: 'postgres', url: config.databaseUrl, max: 5 })
    : await openDatabase({ kind: 'pglite-memory', template: pgliteTemplate() });
  return createKernel(config, { database });
}

/** A PGlite database in memory started from the run's migrated template, whatever DATABASE_URL says. */
export function openTestPglite() {
  return openDatabase({ kind: 'pglite-memory', template: pgliteTemplate() });
}

async function appOn(kernel: Promise<Kernel>): Promise<{ kernel: Kernel; app: FastifyInstance }> {
  const app = await buildApp(await kernel);
  await app.ready();
  return { kernel: await kernel, app };
}

/** The worker's shared kernel and app (API only, no web build needed). */
export function testApp(): Promise<{ kernel: Kernel; app: FastifyInstance }> {
  shared ??= appOn(makeKernel());
  return shared;
}

/**
 * Makes the worker's shared kernel and app (`testApp`) use a database of their own (`isolatedKernel`), for
 * a file whose events must be dispatched by its own process: on a shared PostgreSQL database, another test
 * file's outbox dispatcher may take a delivery, and its Socket.IO (never attached) drops the broadcast.
 * @throws Error when `testApp` was already called in this worker
 */
export function isolateTestApp(): Promise<{ kernel: Kernel; app: FastifyInstance }> {
  if (shared) throw new Error('isolateTestApp must be called before testApp');
  shared = appOn(isolatedKernel());
  return shared;
}

/** Closes the worker's shared kernel (after all tests of a file). */
export async function closeTestKernel(): Promise<void> {
  if (!shared) return;
  const { kernel, app } = await shared;
  shared = null;
  await app.close();
  await kernel.close();
}

let ipCounter = 0;
/** A distinct client address per signed-in test user, so per-IP auth rate limits do not collide. */
export function nextIp(): string {
  ipCounter++;
  return `10.${process.pid % 250}.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

/** A signed-in test user: ids, and the headers that authenticate their requests. */
export interface TestUser {
  userId: string;
  email: string;
  name: string;
  headers: Record<string, string>;
}

/** Creates a verified user and signs them in through the real sign-in endpoint. */
export async function signedInUser(
  options: { platformAdmin?: boolean; name?: string } = {},
): Promise<TestUser> {
  const { kernel, app } = await testApp();
  const email = `user-${newId()}@example.test`;
  const password = 'correct-horse-battery';
  const name = options.name ?? 'Test User';
  const userId = await createCredentialUser(kernel, {
    email,
    password,
    name,
    platformAdmin: options.platformAdmin,
  });
  const ip = nextIp();
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { 'x-forwarded-for': ip, origin: 'http://localhost:3000' },
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { userId, email, name, headers: { cookie, 'x-forwarded-for': ip } };
}

/** Creates a community directly (fresh per test), with optional settings. */
export async function freshCommunity(
  overrides: Partial<{
    visibility: 'public' | 'private' | 'hidden';
    join_policy: 'open' | 'approval' | 'invitation';
    member_cap: number | null;
  }> = {},
) {
  const { kernel } = await testApp();
  const id = newId();
  const slug = `c-${id.slice(-12)}`;
  await kernel.db
    .insertInto('communities')
    .values({ id, slug, name: `Community ${slug}`, ...overrides })
    .execute();
  return { id, slug };
}

/** Adds a user to a community with a role (and status), returning the membership id. */
export async function addMember(
  communityId: string,
  userId: string,
  role: CommunityRole = 'member',
  status: 'active' | 'pending' | 'suspended' = 'active',
): Promise<string> {
  const { kernel } = await testApp();
  const id = newId();
  const pseudonym = `p${id.slice(-10)}`;
  await kernel.db
    .insertInto('memberships')
    .values({
      id,
      community_id: communityId,
      user_id: userId,
      pseudonym,
      pseudonym_key: pseudonymKey(pseudonym),
      role,
      status,
    })
    .execute();
  return id;
}

/** A command context for calling commands directly in tests. */
export async function ctxFor(user: TestUser | null, kernelOverride?: Kernel): Promise<Ctx> {
  const kernel = kernelOverride ?? (await testApp()).kernel;
  if (!user) return { kernel, actor: null, locale: 'en', requestId: 'test' };
  const row = await kernel.db
    .selectFrom('auth_user')
    .selectAll()
    .where('id', '=', user.userId)
    .executeTakeFirstOrThrow();
  return {
    kernel,
    actor: {
      userId: row.id,
      email: row.email,
      name: row.name,
      emailVerified: row.email_verified,
      isPlatformAdmin: row.is_platform_admin,
      locale: row.locale,
    },
    locale: 'en',
    requestId: 'test',
  };
}

/** Creates a verified account without signing in (fast): enough for `ctxFor` in command tests. */
export async function plainUser(
  options: { platformAdmin?: boolean; name?: string; email?: string } = {},
): Promise<TestUser> {
  const { kernel } = await testApp();
  const userId = newId();
  const email = options.email ?? `user-${userId}@example.test`;
  const name = options.name ?? 'Plain User';
  await kernel.db
    .insertInto('auth_user')
    .values({
      id: userId,
      name,
      email,
      email_verified: true,
      is_platform_admin: !!options.platformAdmin,
      image: null,
      phone: null,
      locale: null,
    })
    .execute();
  return { userId, email, name, headers: {} };
}

/** The outbox events of a community, oldest first: type and payload. */
export async function outboxEventsOf(communityId: string, kernel?: Kernel) {
  const db = (kernel ?? (await testApp()).kernel).db;
  const rows = await db
    .selectFrom('outbox_events')
    .select(['type', 'payload', 'actor_user_id'])
    .where('community_id', '=', communityId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    type: r.type,
    payload: r.payload as Record<string, unknown>,
    actor: r.actor_user_id,
  }));
}

/** The audit-log rows of a community, oldest first. */
export async function auditRowsOf(communityId: string) {
  const { kernel } = await testApp();
  return kernel.db
    .selectFrom('audit_log')
    .select(['action', 'actor_user_id', 'target_type', 'target_id', 'data'])
    .where('community_id', '=', communityId)
    .orderBy('id')
    .execute();
}

/**
 * Awaits a promise expected to fail with an AppError of `code` (and, when given, a field error on
 * `path`); returns the error for further checks.
 */
export async function expectAppError(
  promise: Promise<unknown>,
  code: string,
  path?: string,
): Promise<{ code: string; fields: { path: string; key: string }[]; messageKey: string | null }> {
  let error: unknown = null;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  const e = error as { code?: string; fields?: { path: string; key: string }[]; messageKey?: string | null };
  if (!error || e.code !== code) {
    throw new Error(
      `expected AppError(${code}), got ${error ? `${e.code ?? ''} ${error instanceof Error ? error.message : JSON.stringify(error)}` : 'success'}`,
    );
  }
  if (path !== undefined && !e.fields?.some((f) => f.path === path)) {
    throw new Error(`expected a field error on ${path}, got ${JSON.stringify(e.fields)}`);
  }
  return e as never;
}

/** Polls `probe` until it returns a value other than undefined/null/false (at most `timeoutMs`). */
export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A kernel on its own empty database: PGlite in memory, or a new PostgreSQL database dropped on close. */
export async function isolatedKernel(env: Record<string, string> = {}): Promise<Kernel> {
  if (!process.env.DATABASE_URL) return makeKernel(env);
  const name = `cercle_iso_${newId().replace(/-/g, '').slice(-16)}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  const kernel = await makeKernel({ ...env, DATABASE_URL: url.href });
  const close = kernel.close.bind(kernel);
  kernel.close = async () => {
    await close();
    const dropper = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await dropper.connect();
    try {
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await dropper.end();
    }
  };
  return kernel;
}

/**
 * Every route mounted on the app (method and Fastify path), read from `printRoutes`; HEAD routes that
 * Fastify adds for GET are left out.
 */
export function mountedRoutes(app: FastifyInstance): { method: string; url: string }[] {
  const routes: { method: string; url: string }[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    stack.length = depth;
    const url = `${stack.join('')}${match[2]}`;
    stack.push(match[2]);
    for (const method of (match[3] ?? '').split(',').map((m) => m.trim())) {
      if (method && method !== 'HEAD' && method !== '-') routes.push({ method, url });
    }
  }
  return routes;
}
