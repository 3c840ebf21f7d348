import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Account,
  call,
  type CercleProcess,
  type CommunityUpdated,
  connectSocket,
  EventLog,
  privateDatabase,
  signIn,
  signUpVerified,
  startCercle,
  subscribe,
} from './realtime-cluster.ts';

/**
 * The real-time layer, proven on real `cercle serve` processes (DESIGN "Processes at scale", rule 9).
 * With DATABASE_URL and REDIS_URL: two processes sharing PostgreSQL and Redis (the streams adapter); a
 * message published through one reaches clients of the other, and a dropped client recovers what it
 * missed. They share a database created for this file on DATABASE_URL's server (see `privateDatabase`).
 * Without them: one embedded (PGlite) process with its own data folder, same assertions.
 */
const databaseUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
const twoProcesses = !!databaseUrl && !!redisUrl;

const PASSWORD = 'correct-horse-battery-staple';
const unique = () => randomBytes(5).toString('hex');

let dataDir: string | null = null;
let database: { url: string; drop(): Promise<void> } | null = null;
const servers: CercleProcess[] = [];
/** The process updates are made through. */
let a: CercleProcess;
/** The "other" process (the same one in the embedded pass). */
let b: CercleProcess;
let admin: Account;
let member: Account;
let outsider: Account;
let publicId: string;
let privateId: string;
const sockets: Socket[] = [];

async function socketOn(server: CercleProcess, account: Account | null): Promise<Socket> {
  const socket = await connectSocket(server, account?.cookie ?? null);
  sockets.push(socket);
  return socket;
}

/** Changes a community's slug through `server`'s API; the slug identifies the resulting event. */
async function renameThrough(server: CercleProcess, communityId: string): Promise<string> {
  const slug = `rt-${unique()}`;
  const answer = await call(server, 'PATCH', `/api/v1/communities/${communityId}`, {
    cookie: admin.cookie,
    ip: admin.ip,
    body: { slug },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return slug;
}

const bySlug = (slug: string) => (e: CommunityUpdated) => e.slug === slug;

function withOutput<T>(work: () => Promise<T>): Promise<T> {
  return work().catch((error: unknown) => {
    const logs = servers.map((s) => `--- ${s.name} output ---\n${s.output().slice(-5000)}`).join('\n');
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${logs}`, { cause: error });
  });
}

beforeAll(async () => {
  await withOutput(async () => {
    const adminEmail = `rt-admin-${unique()}@example.test`;
    const env: Record<string, string> = {
      SESSION_SECRET: `realtime-test-${randomBytes(24).toString('hex')}`,
    };
    if (databaseUrl) env.DATABASE_URL = (database = await privateDatabase(databaseUrl)).url;
    else env.DATA_DIR = dataDir = mkdtempSync(join(tmpdir(), 'cercle-realtime-'));
    if (redisUrl) env.REDIS_URL = redisUrl;
    // The first process migrates and creates the platform admin; the second starts on the same database.
    servers.push(
      await startCercle('process A', {
        ...env,
        CERCLE_ADMIN_EMAIL: adminEmail,
        CERCLE_ADMIN_PASSWORD: PASSWORD,
      }),
    );
    if (twoProcesses) servers.push(await startCercle('process B', env));
    a = servers[0]!;
    b = servers[1] ?? a;

    admin = await signIn(a, adminEmail, PASSWORD);
    const create = async (server: CercleProcess, visibility: 'public' | 'private') => {
      const slug = `rt-${visibility}-${unique()}`;
      const answer = await call<{ id: string }>(server, 'POST', '/api/v1/communities', {
        cookie: admin.cookie,
        ip: admin.ip,
        body: { name: `Realtime ${visibility}`, slug, visibility, joinPolicy: 'open' },
      });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      return answer.body.id;
    };
    publicId = await create(a, 'public');
    privateId = await create(b, 'private');

    member = await signUpVerified(b, admin, 'Member', PASSWORD);
    outsider = await signUpVerified(a, admin, 'Outsider', PASSWORD);
    const joined = await call(a, 'POST', `/api/v1/communities/${privateId}/members`, {
      cookie: member.cookie,
      ip: member.ip,
      body: { pseudonym: `m${unique()}` },
    });
    expect(joined.status, JSON.stringify(joined.body)).toBe(201);
  });
}, 240_000);

afterAll(async () => {
  // The last test stops the processes; this also covers a failure before it.
  try {
    await Promise.all(servers.map((s) => s.stop()));
  } finally {
    for (const socket of sockets) socket.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  }
}, 60_000);

describe(`real time on ${twoProcesses ? 'two processes sharing PostgreSQL and Redis' : 'one embedded process'}`, () => {
  it('authorizes every join like a read: anonymous, non-member, member, platform admin', async () => {
    const anonymous = await socketOn(b, null);
    expect(await subscribe(anonymous, { channel: `community:${publicId}` })).toEqual({ ok: true });
    expect(await subscribe(anonymous, { channel: `community:${privateId}` })).toEqual({
      ok: false,
      code: 'unauthenticated',
    });
    expect(await subscribe(anonymous, { channel: `user:${member.userId}` })).toEqual({
      ok: false,
      code: 'unauthenticated',
    });

    // A forged or stale session cookie is no session: the socket stays anonymous.
    const forged = await connectSocket(b, 'cercle.session_token=forged.signature');
    sockets.push(forged);
    expect(await subscribe(forged, { channel: `community:${privateId}` })).toEqual({
      ok: false,
      code: 'unauthenticated',
    });

    const nonMember = await socketOn(b, outsider);
    expect(await subscribe(nonMember, { channel: `community:${privateId}` })).toEqual({
      ok: false,
      code: 'forbidden',
    });
    expect(await subscribe(nonMember, { channel: `community:${publicId}` })).toEqual({ ok: true });
    expect(await subscribe(nonMember, { channel: `user:${outsider.userId}` })).toEqual({ ok: true });
    expect(await subscribe(nonMember, { channel: `user:${member.userId}` })).toEqual({
      ok: false,
      code: 'forbidden',
    });
    expect(await subscribe(nonMember, { channel: `staff:${privateId}` })).toEqual({
      ok: false,
      code: 'forbidden',
    });

    for (const server of new Set([a, b])) {
      const memberSocket = await socketOn(server, member);
      expect(await subscribe(memberSocket, { channel: `community:${privateId}` })).toEqual({ ok: true });
      expect(await subscribe(memberSocket, { channel: `user:${member.userId}` })).toEqual({ ok: true });
    }
    const adminSocket = await socketOn(a, admin);
    expect(await subscribe(adminSocket, { channel: `community:${privateId}` })).toEqual({ ok: true });
    expect(await subscribe(adminSocket, { channel: `staff:${privateId}` })).toEqual({ ok: true });
  });

  it('validates every client message: malformed channels are refused and do not break the socket', async () => {
    const socket = await socketOn(a, member);
    const malformed: unknown[] = [
      { channel: 'community:not-a-uuid' },
      { channel: `community:${privateId.toUpperCase()}` },
      { channel: `community:${privateId} ` },
      { channel: `unknown:${privateId}` },
      { channel: privateId },
      { channel: 42 },
      { channel: null },
      {},
      `community:${privateId}`,
      null,
      [`community:${privateId}`],
    ];
    for (const payload of malformed) {
      expect(await subscribe(socket, payload), JSON.stringify(payload)).toEqual({
        ok: false,
        code: 'bad_request',
      });
    }
    // Without an acknowledgement callback, a bad message is dropped; the socket keeps working.
    socket.emit('subscribe', { channel: 'nope' });
    socket.emit('subscribe');
    socket.emit('unsubscribe', 42);
    expect(await subscribe(socket, { channel: `community:${privateId}` })).toEqual({ ok: true });
    expect(socket.connected).toBe(true);
  });

  it(`delivers an update made through ${twoProcesses ? 'process A to a client of process B' : 'the API to a subscribed client'}, to its channel only`, async () => {
    const onB = await socketOn(b, member);
    const onA = await socketOn(a, member);
    const anonymousOnB = await socketOn(b, null);
    const logB = new EventLog(onB);
    const logA = new EventLog(onA);
    const logAnonymous = new EventLog(anonymousOnB);
    expect(await subscribe(onB, { channel: `community:${privateId}` })).toEqual({ ok: true });
    expect(await subscribe(onA, { channel: `community:${privateId}` })).toEqual({ ok: true });
    expect(await subscribe(anonymousOnB, { channel: `community:${publicId}` })).toEqual({ ok: true });

    const slug = await renameThrough(a, privateId);
    const received = await logB.waitFor(`${slug} on ${b.name}`, bySlug(slug));
    expect(received.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(received).toEqual({
      id: received.id,
      communityId: privateId,
      slug,
      changed: ['slug'],
    });
    expect((await logA.waitFor(`${slug} on ${a.name}`, bySlug(slug))).id).toBe(received.id);

    // An update of the public community is the next thing the anonymous client of the public channel
    // hears: the private community's event, published before it on the same stream, never reached it.
    const publicSlug = await renameThrough(a, publicId);
    await logAnonymous.waitFor(`${publicSlug} on ${b.name}`, bySlug(publicSlug));
    expect(logAnonymous.events.map((e) => e.slug)).toEqual([publicSlug]);
    expect(logB.events.map((e) => e.slug)).toEqual([slug]);
  });

  it('does not deliver to a socket that unsubscribed', async () => {
    const leaver = await socketOn(b, member);
    const stayer = await socketOn(b, member);
    const leaverLog = new EventLog(leaver);
    const stayerLog = new EventLog(stayer);
    for (const socket of [leaver, stayer]) {
      expect(await subscribe(socket, { channel: `community:${privateId}` })).toEqual({ ok: true });
    }
    const first = await renameThrough(a, privateId);
    await leaverLog.waitFor(first, bySlug(first));
    await stayerLog.waitFor(first, bySlug(first));

    leaver.emit('unsubscribe', { channel: `community:${privateId}` });
    // A round trip on the same socket orders the unsubscribe before what follows.
    expect(await subscribe(leaver, { channel: `user:${member.userId}` })).toEqual({ ok: true });
    const second = await renameThrough(a, privateId);
    await stayerLog.waitFor(second, bySlug(second));
    const third = await renameThrough(a, privateId);
    await stayerLog.waitFor(third, bySlug(third));
    expect(leaverLog.events.map((e) => e.slug)).toEqual([first]);
  });

  const reconnects: [string, () => CercleProcess, () => CercleProcess][] = twoProcesses
    ? [
        ['to the same process, the update made through the other', () => b, () => b],
        ['through the other process', () => a, () => b],
      ]
    : [['to the same process', () => a, () => a]];

  it.each(reconnects)(
    'recovers a missed event exactly once after a network drop, reconnecting %s',
    async (_title, first, second) => {
      const from = first();
      const to = second();
      // Same process: the update is made through the other one. Moving: through the one it left.
      const updateThrough = from === to ? (from === a ? b : a) : from;

      const client = await socketOn(from, member);
      const log = new EventLog(client);
      const witness = await socketOn(updateThrough, admin);
      const witnessLog = new EventLog(witness);
      expect(await subscribe(client, { channel: `community:${privateId}` })).toEqual({ ok: true });
      expect(await subscribe(witness, { channel: `community:${privateId}` })).toEqual({ ok: true });
      expect(client.recovered).toBe(false);

      // One event first, so that the client holds an offset to recover from.
      const before = await renameThrough(updateThrough, privateId);
      await log.waitFor(`${before} before the drop`, bySlug(before));

      // The network drops (not a polite disconnect: the server keeps the session for recovery).
      const reasons: string[] = [];
      client.on('disconnect', (reason) => reasons.push(reason));
      const dropped = new Promise<void>((done) => client.once('disconnect', () => done()));
      client.io.engine.close();
      await dropped;
      // The client closed its transport itself; the server only sees the connection go ("transport close").
      expect(reasons).toEqual(['forced close']);

      // While the client is away, an update is made through another process; the witness, connected
      // there, proves it was published before the client comes back.
      const missed = await renameThrough(updateThrough, privateId);
      const published = await witnessLog.waitFor(`${missed} on the witness`, bySlug(missed));

      if (to !== from) {
        // Point the same socket (same session id and offset) at the other process.
        (client.io as unknown as { uri: string }).uri = to.url;
      }
      const connected = new Promise<void>((done, fail) => {
        client.once('connect', () => done());
        client.once('connect_error', fail);
      });
      client.connect();
      await connected;
      expect(client.recovered).toBe(true);
      await log.waitFor(`${missed} after reconnecting`, bySlug(missed));

      // A later event arrives after the recovered one; nothing was duplicated in between.
      const after = await renameThrough(updateThrough, privateId);
      await log.waitFor(`${after} after reconnecting`, bySlug(after));
      expect(log.events.map((e) => e.slug)).toEqual([before, missed, after]);
      expect(log.events[1].id).toBe(published.id);
      // The recovered session kept its room (no new subscribe) on the process it was pointed at.
      expect((client.io.engine as unknown as { opts: { port: string } }).opts.port).toBe(
        new URL(to.url).port,
      );
      expect(reasons).toEqual(['forced close']);
    },
  );

  it('stops cleanly on SIGTERM while clients are still connected', async () => {
    const clients = await Promise.all(servers.map((server) => socketOn(server, member)));
    const gone = clients.map(
      (client) => new Promise<string>((done) => client.once('disconnect', (reason) => done(reason))),
    );
    const results = await Promise.all(servers.map((server) => server.stop()));
    expect(results).toEqual(servers.map(() => ({ code: 0, signal: null, forced: false })));
    expect(await Promise.all(gone)).toEqual(clients.map(() => 'transport close'));
  });
});
