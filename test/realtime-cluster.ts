import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';

/** The repository root: child processes run `server/main.ts` from there. */
const ROOT = resolve(import.meta.dirname, '..');
/** The project's pinned Node 24 (the system Node may be older). */
const NODE = resolve(ROOT, 'node_modules/.bin/node');

/** A free TCP port on the loopback interface (asked of the OS, then released). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}

/** A random client address, so better-auth's per-IP limits (stored in the database) never collide. */
export function randomIp(): string {
  const [a, b, c] = randomBytes(3);
  return `10.${a}.${b}.${(c % 250) + 1}`;
}

/**
 * A database of its own on the PostgreSQL server of `url`, for the processes under test. On the shared
 * test database, other test files' kernels dispatch every pending outbox event, and would take (and
 * publish nowhere) the events these processes must broadcast. Falls back to `url` itself when the role
 * may not create databases.
 */
export async function privateDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `cercle_realtime_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') throw error;
    return { url, drop: async () => undefined };
  } finally {
    await admin.end();
  }
  const own = new URL(url);
  own.pathname = `/${name}`;
  return {
    url: own.href,
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A running `cercle serve` child process. */
export interface CercleProcess {
  name: string;
  /** Where the test connects (the server listens on 127.0.0.1). */
  url: string;
  /** PUBLIC_URL of the process: the `origin` better-auth trusts. */
  publicUrl: string;
  /** Everything the process printed, for failure messages. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. Resolves with how it ended. */
  stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; forced: boolean }>;
}

const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/**
 * Spawns `node server/main.ts serve` with the given environment (on top of a minimal one: no web build,
 * quiet logs) and waits until `/readyz` answers 200.
 * @throws Error with the process output when it exits or is not ready within `timeoutMs`.
 */
export async function startCercle(
  name: string,
  env: Record<string, string>,
  timeoutMs = 90_000,
): Promise<CercleProcess> {
  const port = await freePort();
  const publicUrl = `http://localhost:${port}`;
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(NODE, ['server/main.ts', 'serve'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? ROOT,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: publicUrl,
      CERCLE_ROLES: 'web,worker',
      CERCLE_WEB: 'false',
      TRUST_PROXY: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => {
      children.delete(child);
      done({ code, signal });
    }),
  );
  const state: { ended: { code: number | null; signal: NodeJS.Signals | null } | null } = { ended: null };
  void exited.then((result) => (state.ended = result));

  const process_: CercleProcess = {
    name,
    url,
    publicUrl,
    output: () => output,
    async stop(graceMs = 15_000) {
      if (state.ended) return { ...state.ended, forced: false };
      child.kill('SIGTERM');
      const timer = new Promise<'timeout'>((done) => setTimeout(() => done('timeout'), graceMs).unref());
      const first = await Promise.race([exited, timer]);
      if (first !== 'timeout') return { ...first, forced: false };
      child.kill('SIGKILL');
      return { ...(await exited), forced: true };
    },
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (state.ended) {
      const { code, signal } = state.ended;
      throw new Error(`${name} exited (code ${code}, signal ${signal}) before it was ready:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.status === 200) return process_;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await process_.stop(2_000);
      throw new Error(`${name} was not ready within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 200));
  }
}

/** An HTTP answer: status, parsed JSON body (or text) and the `name=value` pairs of its Set-Cookie. */
export interface Answer<T = unknown> {
  status: number;
  body: T;
  cookies: string[];
  headers: Headers;
}

/**
 * Calls a process's HTTP API like a browser would: `origin` set to its PUBLIC_URL, the session cookie and a
 * client address (`x-forwarded-for`, TRUST_PROXY is on).
 */
export async function call<T = unknown>(
  server: CercleProcess,
  method: string,
  path: string,
  options: { cookie?: string; ip?: string; body?: unknown } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { origin: server.publicUrl, accept: 'application/json' };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.ip) headers['x-forwarded-for'] = options.ip;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    redirect: 'manual',
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
  return { status: response.status, body: body as T, cookies, headers: response.headers };
}

/** A signed-in account: its id, and the Cookie header that carries its session. */
export interface Account {
  userId: string;
  email: string;
  cookie: string;
  ip: string;
}

/**
 * Signs in through better-auth's email endpoint on a process.
 * @throws Error when sign-in does not answer 200 with a session cookie.
 */
export async function signIn(server: CercleProcess, email: string, password: string): Promise<Account> {
  const ip = randomIp();
  const answer = await call<{ user?: { id: string } }>(server, 'POST', '/api/auth/sign-in/email', {
    ip,
    body: { email, password },
  });
  const cookie = answer.cookies.filter((c) => !c.endsWith('=')).join('; ');
  if (answer.status !== 200 || !cookie.includes('cercle.session_token=') || !answer.body.user) {
    throw new Error(
      `sign-in of ${email} on ${server.name} failed: ${answer.status} ${JSON.stringify(answer.body)}`,
    );
  }
  return { userId: answer.body.user.id, email, cookie, ip };
}

/** Polls `check` every 100 ms until it returns a value (not undefined). */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/**
 * Creates an account the way a visitor does: sign-up on `server`, the verification link read from the
 * email outbox by a platform admin and followed, then sign-in.
 */
export async function signUpVerified(
  server: CercleProcess,
  admin: Account,
  name: string,
  password: string,
): Promise<Account> {
  const email = `rt-${name.toLowerCase()}-${randomBytes(6).toString('hex')}@example.test`;
  const signUp = await call(server, 'POST', '/api/auth/sign-up/email', {
    ip: randomIp(),
    body: { email, password, name },
  });
  if (signUp.status !== 200) {
    throw new Error(`sign-up of ${email} failed: ${signUp.status} ${JSON.stringify(signUp.body)}`);
  }
  const link = await eventually(`the verification email to ${email}`, async () => {
    const mail = await call<{ items: { kind: string; text: string }[] }>(
      server,
      'GET',
      `/api/v1/admin/mail?to=${encodeURIComponent(email)}`,
      { cookie: admin.cookie, ip: admin.ip },
    );
    if (mail.status !== 200) throw new Error(`mail outbox: ${mail.status} ${JSON.stringify(mail.body)}`);
    const text = mail.body.items.find((m) => m.kind === 'auth.verify')?.text;
    return text ? /https?:\/\/\S*\/api\/auth\/verify-email\?\S+/.exec(text)?.[0] : undefined;
  });
  const target = new URL(link);
  const verified = await call(server, 'GET', `${target.pathname}${target.search}`, { ip: randomIp() });
  if (verified.status >= 400) {
    throw new Error(`verification of ${email} failed: ${verified.status} ${JSON.stringify(verified.body)}`);
  }
  return signIn(server, email, password);
}

/** Connects a Socket.IO client over WebSocket, authenticated by the Cookie header when given. */
export async function connectSocket(
  server: CercleProcess,
  cookie: string | null,
  options: { reconnection?: boolean } = {},
): Promise<Socket> {
  const socket = io(server.url, {
    path: '/socket.io',
    transports: ['websocket'],
    forceNew: true,
    reconnection: options.reconnection ?? false,
    extraHeaders: cookie ? { cookie } : {},
  });
  await new Promise<void>((done, fail) => {
    socket.once('connect', () => done());
    socket.once('connect_error', (error) => {
      socket.close();
      fail(error);
    });
  });
  return socket;
}

/** The acknowledgement of a `subscribe` message. */
export interface SubscribeReply {
  ok: boolean;
  code?: string;
}

/** Asks to join a channel and returns the server's acknowledgement. */
export function subscribe(socket: Socket, payload: unknown): Promise<SubscribeReply> {
  return socket.timeout(15_000).emitWithAck('subscribe', payload) as Promise<SubscribeReply>;
}

/** A `community.updated` event as the server pushes it. */
export interface CommunityUpdated {
  id: string;
  communityId: string;
  slug: string;
  changed: string[];
}

/** Records every `community.updated` a socket receives, in order, and waits for the next ones. */
export class EventLog {
  readonly events: CommunityUpdated[] = [];
  readonly #waiters: { until: (e: CommunityUpdated) => boolean; done: (e: CommunityUpdated) => void }[] = [];

  constructor(socket: Socket) {
    socket.on('community.updated', (payload: CommunityUpdated) => {
      this.events.push(payload);
      for (const waiter of [...this.#waiters]) {
        if (waiter.until(payload)) {
          this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
          waiter.done(payload);
        }
      }
    });
  }

  /** Resolves with the first event (already received or to come) that matches. */
  waitFor(
    what: string,
    until: (e: CommunityUpdated) => boolean,
    timeoutMs = 20_000,
  ): Promise<CommunityUpdated> {
    const seen = this.events.find(until);
    if (seen) return Promise.resolve(seen);
    return new Promise((done, fail) => {
      const timer = setTimeout(() => {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        fail(new Error(`timed out waiting for ${what}; received ${JSON.stringify(this.events)}`));
      }, timeoutMs);
      const waiter = {
        until,
        done: (e: CommunityUpdated) => {
          clearTimeout(timer);
          done(e);
        },
      };
      this.#waiters.push(waiter);
    });
  }
}
