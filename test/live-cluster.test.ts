import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_EVENTS, LIVE_REQUESTS } from '../common/live/protocol.ts';
import { LiveClient } from './live-client.ts';
import {
  type Account,
  call,
  type CercleProcess,
  privateDatabase,
  signIn,
  signUpVerified,
  startCercle,
} from './realtime-cluster.ts';

/**
 * The live protocol's reliability promise on real `cercle serve` processes. With DATABASE_URL and
 * REDIS_URL: two processes sharing PostgreSQL and Redis; participants connected to different processes see
 * the same conversation in the same order, a participant who reconnects through the other process gets what
 * they missed once, and a process killed mid-session loses no acknowledged message. Without them: the same
 * on one embedded process, restarted on its data folder.
 */
const databaseUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
const twoProcesses = !!databaseUrl && !!redisUrl;
const PASSWORD = 'correct-horse-battery-staple';
const unique = () => randomBytes(5).toString('hex');

let env: Record<string, string> = {};
let dataDir: string | null = null;
let database: { url: string; drop(): Promise<void> } | null = null;
const servers: CercleProcess[] = [];
let a: CercleProcess;
let b: CercleProcess;
let admin: Account;
let alice: Account;
let bob: Account;
let sessionId = '';
const clients: LiveClient[] = [];

function withOutput<T>(work: () => Promise<T>): Promise<T> {
  return work().catch((error: unknown) => {
    const logs = servers.map((s) => `--- ${s.name} output ---\n${s.output().slice(-5000)}`).join('\n');
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${logs}`, { cause: error });
  });
}

async function ok<T>(answer: Promise<{ status: number; body: T }>, status = 200): Promise<T> {
  const { status: got, body } = await answer;
  expect(got, JSON.stringify(body)).toBe(status);
  return body;
}

async function connect(server: CercleProcess, account: Account): Promise<LiveClient> {
  const client = await LiveClient.connect(server.url, account.cookie, sessionId);
  clients.push(client);
  await client.join();
  return client;
}

beforeAll(async () => {
  await withOutput(async () => {
    const adminEmail = `live-admin-${unique()}@example.test`;
    env = { SESSION_SECRET: `live-cluster-${randomBytes(24).toString('hex')}` };
    if (databaseUrl) env.DATABASE_URL = (database = await privateDatabase(databaseUrl)).url;
    else env.DATA_DIR = dataDir = mkdtempSync(join(tmpdir(), 'cercle-live-'));
    if (redisUrl) env.REDIS_URL = redisUrl;
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
    const community = await ok(
      call<{ id: string }>(a, 'POST', '/api/v1/communities', {
        cookie: admin.cookie,
        ip: admin.ip,
        body: { name: 'Live cluster', slug: `live-${unique()}`, visibility: 'private', joinPolicy: 'open' },
      }),
      201,
    );
    alice = await signUpVerified(b, admin, 'Alice', PASSWORD);
    bob = await signUpVerified(a, admin, 'Bob', PASSWORD);
    const memberIds: string[] = [];
    for (const account of [alice, bob]) {
      const member = await ok(
        call<{ id: string }>(a, 'POST', `/api/v1/communities/${community.id}/members`, {
          cookie: account.cookie,
          ip: account.ip,
          body: { pseudonym: `m${unique()}` },
        }),
        201,
      );
      memberIds.push(member.id);
    }
    const session = await ok(
      call<{ id: string }>(b, 'POST', `/api/v1/communities/${community.id}/live-sessions`, {
        cookie: admin.cookie,
        ip: admin.ip,
        body: {
          title: 'Across processes',
          startsAt: new Date(Date.now() + 60_000).toISOString(),
          durationMinutes: 60,
        },
      }),
      201,
    );
    sessionId = session.id;
    await ok(
      call(a, 'POST', `/api/v1/communities/${community.id}/live-sessions/${sessionId}/invitations`, {
        cookie: admin.cookie,
        ip: admin.ip,
        body: { memberIds },
      }),
    );
  });
}, 300_000);

afterAll(async () => {
  for (const client of clients) client.close();
  try {
    await Promise.all(servers.map((s) => s.stop()));
  } finally {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  }
}, 60_000);

describe(`live sessions on ${twoProcesses ? 'two processes sharing PostgreSQL and Redis' : 'one embedded process'}`, () => {
  it('shows participants on different processes the same conversation in the same order, and survives a reconnect elsewhere and a killed process', async () => {
    await withOutput(async () => {
      const moderator = await connect(a, admin);
      const onA = await connect(a, alice);
      const onB = await connect(b, bob);
      expect(await moderator.request(LIVE_REQUESTS.admit, { all: true })).toMatchObject({ ok: true });
      await onA.waitForEvent(LIVE_EVENTS.admitted);
      await onB.waitForEvent(LIVE_EVENTS.admitted);

      // Everyone writes at once, through both processes (participants within their rate limit).
      const acked: { seq: number; body: string }[] = [];
      const burst = async (client: LiveClient, who: string, count: number) => {
        for (let i = 0; i < count; i++) {
          const body = `${who} ${i}`;
          const reply = await client.send({ body });
          expect(reply, body).toMatchObject({ ok: true });
          acked.push({ seq: reply.seq, body });
        }
      };
      await Promise.all([burst(moderator, 'moderator', 4), burst(onA, 'alice', 5), burst(onB, 'bob', 5)]);
      const last = Math.max(...acked.map((x) => x.seq));
      expect(acked.map((x) => x.seq).sort((x, y) => x - y)).toEqual(
        Array.from({ length: last }, (_, i) => i + 1),
      );
      for (const client of [moderator, onA, onB]) await client.waitForSeq(last);
      const view = (c: LiveClient) => [...c.entries().values()].map((e) => [e.seq, e.body]);
      expect(view(onA)).toEqual(view(onB));
      expect(view(moderator)).toEqual(view(onB));
      expect(onB.applied.map((x) => x.entry.seq)).toEqual(Array.from({ length: last }, (_, i) => i + 1));

      // Bob drops off process B and comes back through process A: every missed entry, once.
      onB.socket.disconnect();
      await burst(moderator, 'moderator-missed', 3);
      await onB.moveTo(a.url);
      const afterMove = Math.max(...acked.map((x) => x.seq));
      await onB.waitForSeq(afterMove);
      expect(onB.applied.map((x) => x.entry.seq)).toEqual(Array.from({ length: afterMove }, (_, i) => i + 1));

      // The process everyone is connected to is killed mid-session: nothing acknowledged is lost. With two
      // processes, clients carry on through the other one meanwhile; then Bob goes to the restarted one.
      const stopped = await a.stop(0);
      expect(stopped.signal ?? stopped.code).not.toBeNull();
      if (twoProcesses) {
        for (const client of [moderator, onA, onB]) await client.moveTo(b.url);
        await burst(moderator, 'while-A-restarts', 2);
      }
      const restarted = await startCercle('process A (restarted)', env);
      servers[0] = restarted;
      for (const client of twoProcesses ? [onB] : [moderator, onA, onB]) await client.moveTo(restarted.url);
      await burst(onB, 'after-restart', 2);
      const final = Math.max(...acked.map((x) => x.seq));
      for (const client of [moderator, onA, onB]) await client.waitForSeq(final);
      const bodies = onB.entries();
      for (const { seq, body } of acked) expect(bodies.get(seq)?.body, `acknowledged ${seq}`).toBe(body);
      expect(onB.applied.map((x) => x.entry.seq)).toEqual(Array.from({ length: final }, (_, i) => i + 1));
      expect(view(onA)).toEqual(view(onB));
    });
  }, 240_000);

  it('refuses at once a participant muted or removed through the other process (nothing remembered by her socket lets her write)', async () => {
    await withOutput(async () => {
      const moderator = await connect(servers[0], admin);
      // On one embedded process `b` is the process the first test stopped: use the restarted one.
      const participant = await connect(twoProcesses ? b : servers[0], alice);
      expect(participant.state?.attendance).toBe('admitted');
      expect(await participant.send({ body: 'before the mute' })).toMatchObject({ ok: true });
      const memberId = participant.state!.memberId!;
      expect(await moderator.request(LIVE_REQUESTS.mute, { memberId, muted: true })).toMatchObject({
        ok: true,
      });
      // No waiting for the `muted` event: the very next message is refused.
      expect(await participant.send({ body: 'muted?' })).toMatchObject({ ok: false, code: 'forbidden' });
      expect(await moderator.request(LIVE_REQUESTS.mute, { memberId, muted: false })).toMatchObject({
        ok: true,
      });
      expect(await participant.send({ body: 'unmuted' })).toMatchObject({ ok: true });
      expect(await moderator.request(LIVE_REQUESTS.remove, { memberId })).toMatchObject({ ok: true });
      expect(await participant.send({ body: 'removed?' })).toMatchObject({ ok: false, code: 'forbidden' });
      const entries = (
        await moderator.request<{ entries: { body: string | null }[] }>(LIVE_REQUESTS.resume, {
          afterSeq: 0,
        })
      ).entries.map((e) => e.body);
      expect(entries).toContain('unmuted');
      expect(entries).not.toContain('muted?');
      expect(entries).not.toContain('removed?');
    });
  }, 120_000);
});
