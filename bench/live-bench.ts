// `npm run bench:live [-- --messages=60 --large=500 --pg=postgres://postgres@127.0.0.1:5432 --keep-db]`
//
// Live sessions (issue 4, point 16): starts the real Cercle server (`server/main.ts serve`, a child
// process) on a fresh PostgreSQL database with two running sessions — 16 participants + 5 observers + 1
// moderator, and `--large` participants + 1 moderator — and a bare Socket.IO broadcast server (another
// child). From this process, socket.io-client connections join each session; the moderator sends
// messages one at a time and the benchmark times each one from the moment it is emitted to its delivery
// to the LAST participant. The same clients and the same measurement run against the bare server. Prints
// p50/p99 of both and their ratios. Loopback only; children are stopped at the end.
// DESIGN rule 14: timings are reported here, never asserted in the test suite.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import { LIVE_EVENTS, LIVE_REQUESTS } from '../common/live/protocol.ts';
import { type BenchSession, seedLiveBench } from './live-seed.ts';
import {
  ensureBuild,
  ROOT,
  runScript,
  type Service,
  startService,
  stopService,
  waitReady,
  serverBaseEnv,
} from './processes.ts';
import { dropPostgresDatabase, recreatePostgresDatabase } from './seed.ts';

const USAGE = `Usage: npm run bench:live -- [--messages=60] [--warmup=5] [--large=500] [--rounds=2] [--port=3321]
  [--pg=postgres://postgres@127.0.0.1:5432] [--pg-database=cercle_bench_live] [--keep-db] [--cpu-prof=DIR]
  --cpu-prof writes a V8 CPU profile of each server (Cercle and the bare one) to DIR when it stops.`;

function readOptions() {
  const { values } = parseArgs({
    options: {
      messages: { type: 'string', default: '60' },
      warmup: { type: 'string', default: '5' },
      large: { type: 'string', default: '500' },
      rounds: { type: 'string', default: '2' },
      port: { type: 'string', default: '3321' },
      pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' },
      'pg-database': { type: 'string', default: 'cercle_bench_live' },
      'keep-db': { type: 'boolean', default: false },
      'cpu-prof': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const int = (name: string, raw: string, min: number, max: number) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max)
      throw new Error(`--${name} must be a whole number between ${min} and ${max} (got "${raw}")\n${USAGE}`);
    return value;
  };
  const pgUrl = values.pg.replace(/\/+$/, '');
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(new URL(pgUrl).hostname))
    throw new Error('--pg must be on the loopback interface');
  return {
    messages: int('messages', values.messages, 5, 10_000),
    warmup: int('warmup', values.warmup, 0, 100),
    large: int('large', values.large, 2, 2_000),
    rounds: int('rounds', values.rounds, 1, 10),
    port: int('port', values.port, 1024, 65534),
    pgUrl,
    pgDatabase: values['pg-database'],
    keepDb: values['keep-db'],
    cpuProf: values['cpu-prof'] ?? null,
  };
}

/** The sockets of one measured audience: who sends, who must receive. */
interface Audience {
  sender: Socket;
  receivers: Socket[];
  extra: Socket[];
  send: (i: number) => Promise<void>;
  entriesEvent: string;
}

function connect(url: string, cookie: string | null): Promise<Socket> {
  const socket = io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: cookie ? { cookie } : {},
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Connects many sockets, `batch` at a time. */
async function connectAll(url: string, cookies: (string | null)[], batch = 25): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < cookies.length; i += batch) {
    sockets.push(...(await Promise.all(cookies.slice(i, i + batch).map((c) => connect(url, c)))));
  }
  return sockets;
}

async function cercleAudience(url: string, session: BenchSession): Promise<Audience> {
  const sender = await connect(url, session.moderator.cookie);
  const receivers = await connectAll(
    url,
    session.participants.map((p) => p.cookie),
  );
  const extra = await connectAll(
    url,
    session.observers.map((o) => o.cookie),
  );
  for (const socket of [sender, ...receivers, ...extra]) {
    const reply = (await socket
      .timeout(30_000)
      .emitWithAck(LIVE_REQUESTS.join, { sessionId: session.id })) as {
      ok: boolean;
      message?: string;
      state?: { attendance: string | null; role: string };
    };
    if (!reply.ok) throw new Error(`live.join refused: ${reply.message}`);
    if (reply.state?.role === 'participant' && reply.state.attendance !== 'admitted')
      throw new Error('a participant is not admitted');
  }
  return {
    sender,
    receivers,
    extra,
    entriesEvent: LIVE_EVENTS.entries,
    send: async (i) => {
      const reply = (await sender.timeout(30_000).emitWithAck(LIVE_REQUESTS.send, {
        sessionId: session.id,
        clientId: `b${i}-${randomBytes(4).toString('hex')}`,
        body: `Benchmark message ${i}: what do you think of the new design?`,
      })) as { ok: boolean; message?: string };
      if (!reply.ok) throw new Error(`live.send refused: ${reply.message}`);
    },
  };
}

async function bareAudience(url: string, receivers: number, extra: number): Promise<Audience> {
  const sender = await connect(url, null);
  return {
    sender,
    receivers: await connectAll(url, Array<null>(receivers).fill(null)),
    extra: await connectAll(url, Array<null>(extra).fill(null)),
    entriesEvent: 'entries',
    send: async (i) => {
      await sender
        .timeout(30_000)
        .emitWithAck('send', { body: `Benchmark message ${i}: what do you think?` });
    },
  };
}

/**
 * Sends `count` messages one at a time; each is timed from its emission to the moment the last receiver
 * got it (the body identifies it). Returns the latencies in milliseconds.
 */
async function run(audience: Audience, count: number, offset: number): Promise<number[]> {
  const latencies: number[] = [];
  let pending: { body: string; left: number; done: () => void } | null = null;
  const onEntries = (payload: { entries: { body: string | null }[] }) => {
    if (pending && payload.entries.some((e) => e.body?.startsWith(pending!.body))) {
      pending.left -= 1;
      if (pending.left === 0) pending.done();
    }
  };
  for (const socket of audience.receivers) socket.on(audience.entriesEvent, onEntries);
  try {
    for (let i = 0; i < count; i++) {
      const n = offset + i;
      const delivered = new Promise<void>((done) => {
        pending = { body: `Benchmark message ${n}:`, left: audience.receivers.length, done };
      });
      const start = performance.now();
      await Promise.all([
        audience.send(n),
        Promise.race([
          delivered,
          sleep(30_000).then(() => Promise.reject(new Error(`message ${n} not delivered in 30 s`))),
        ]),
      ]);
      latencies.push(performance.now() - start);
      pending = null;
      await sleep(20);
    }
  } finally {
    for (const socket of audience.receivers) socket.off(audience.entriesEvent, onEntries);
  }
  return latencies;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

function closeAll(audience: Audience) {
  for (const socket of [audience.sender, ...audience.receivers, ...audience.extra]) socket.close();
}

async function main(): Promise<void> {
  const options = readOptions();
  const work = mkdtempSync(join(tmpdir(), 'cercle-bench-live-'));
  const services: Service[] = [];
  let createdDb = false;
  let failed = false;
  const cleanup = async () => {
    for (const service of services.reverse())
      console.log(`Stopping ${service.name}: ${await stopService(service)}`);
    services.length = 0;
    if (createdDb && !options.keepDb) await dropPostgresDatabase(options.pgUrl, options.pgDatabase);
    if (!failed) rmSync(work, { recursive: true, force: true });
    else console.error(`Logs kept in ${work}`);
  };
  process.once('SIGINT', () => {
    failed = true;
    void cleanup().finally(() => process.exit(130));
  });
  try {
    ensureBuild();
    const secret = randomBytes(32).toString('base64url');
    const baseEnv = serverBaseEnv(secret);
    console.log(`Creating the PostgreSQL database ${options.pgDatabase}…`);
    const url = await recreatePostgresDatabase(options.pgUrl, options.pgDatabase);
    createdDb = true;
    const env = { ...baseEnv, DATABASE_URL: url, DATA_DIR: join(work, 'data') };
    await runScript(['server/main.ts', 'migrate'], env, join(work, 'setup.log'));
    const [small, large] = await seedLiveBench({ kind: 'postgres', url, max: 2 }, secret, [
      { participants: 16, observers: 5 },
      { participants: options.large, observers: 0 },
    ]);

    const profile = options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProf}`] : [];
    const cerclePort = options.port;
    const cercleUrl = `http://127.0.0.1:${cerclePort}`;
    const cercle = startService(
      'Cercle',
      [...profile, join(ROOT, 'server/main.ts'), 'serve'],
      {
        ...env,
        HOST: '127.0.0.1',
        PORT: String(cerclePort),
        PUBLIC_URL: cercleUrl,
        RATE_LIMIT_PER_MINUTE: '10000000',
      },
      join(work, 'cercle.log'),
      cercleUrl,
    );
    services.push(cercle);
    const barePort = options.port + 1;
    const bare = startService(
      'bare Socket.IO',
      [...profile, join(ROOT, 'bench/bare-live-server.ts')],
      { ...baseEnv, PORT: String(barePort) },
      join(work, 'bare.log'),
      `http://127.0.0.1:${barePort}`,
    );
    services.push(bare);
    await Promise.all([waitReady(cercle, '/readyz'), waitReady(bare, '/healthz')]);
    console.log(
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB; load average before: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );

    const rows: string[][] = [];
    for (const [label, session] of [
      [`16 participants + 5 observers + 1 moderator`, small],
      [`${options.large} participants + 1 moderator`, large],
    ] as const) {
      const samples = { cercle: [] as number[], bare: [] as number[] };
      const perRound = Math.ceil(options.messages / options.rounds);
      // Rounds alternate the two servers so that a change of the machine's load touches both alike.
      for (let round = 0; round < options.rounds; round++) {
        for (const target of ['bare', 'cercle'] as const) {
          const audience =
            target === 'cercle'
              ? await cercleAudience(cercleUrl, session)
              : await bareAudience(bare.url, session.participants.length, session.observers.length);
          try {
            await run(audience, options.warmup, 1_000_000 + round * 1000);
            samples[target].push(...(await run(audience, perRound, round * 10_000)));
          } finally {
            closeAll(audience);
          }
          await sleep(500);
        }
      }
      const c = [...samples.cercle].sort((a, b) => a - b);
      const b = [...samples.bare].sort((a, b2) => a - b2);
      const [c50, c99, b50, b99] = [
        percentile(c, 50),
        percentile(c, 99),
        percentile(b, 50),
        percentile(b, 99),
      ];
      rows.push([label, 'bare Socket.IO', String(b.length), b50.toFixed(1), b99.toFixed(1), '', '']);
      rows.push([
        label,
        'Cercle',
        String(c.length),
        c50.toFixed(1),
        c99.toFixed(1),
        (c50 / b50).toFixed(2),
        (c99 / b99).toFixed(2),
      ]);
    }
    const header = ['session', 'server', 'messages', 'p50 ms', 'p99 ms', 'p50 ×bare', 'p99 ×bare'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
    console.log(`\nTime from a message's emission to its delivery to the last participant:\n`);
    console.log(line(header));
    for (const row of rows) console.log(line(row));
    console.log(
      `\nLoad average after: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await cleanup();
  }
}

await main();
