import type { FastifyInstance } from 'fastify';
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

/** Builds a kernel for tests: PGlite in memory (or DATABASE_URL), migrated once per worker. */
export async function makeKernel(env: Record<string, string> = {}): Promise<Kernel> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PUBLIC_URL: 'http://localhost:3000',
    TRUST_PROXY: 'true',
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    ...env,
  });
  const database = config.databaseUrl
    ? await openDatabase({ kind: 'postgres', url: config.databaseUrl, max: 5 })
    : await openDatabase({ kind: 'pglite-memory' });
  return createKernel(config, { database });
}

/** The worker's shared kernel and app (API only, no web build needed). */
export function testApp(): Promise<{ kernel: Kernel; app: FastifyInstance }> {
  shared ??= (async () => {
    const kernel = await makeKernel();
    const app = await buildApp(kernel);
    await app.ready();
    return { kernel, app };
  })();
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
