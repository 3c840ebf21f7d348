// `npm run bench [-- --db=postgres|pglite --duration=10 --connections=50 --warmup=3 --rounds=1]`
//
// Starts the real Cercle server (`server/main.ts serve`, a child process) on a fresh, seeded database and a
// bare Fastify + pg baseline (another child process), loads each target from this process with autocannon,
// and prints requests/s, p50/p99 latency, non-2xx responses and errors, with every requests/s figure as a
// ratio of the baseline's. Loopback only; every step has a time limit; children are stopped at the end.
// DESIGN rule 14: timings are reported here, never asserted in the test suite.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { DatabaseTarget } from '../server/platform/db/database.ts';
import { formatTable, measure, type Measurement, type Scenario, summarize } from './load.ts';
import {
  ensureBuild,
  freePort,
  ROOT,
  type Service,
  startService,
  stopService,
  waitReady,
  serverBaseEnv,
} from './processes.ts';
import { BENCH_ADMIN, dropPostgresDatabase, recreatePostgresDatabase, seedDatabase } from './seed.ts';
import { BENCH_REPLIES_PER_TOPIC, BENCH_TOPICS, seedTopicsIn, type TopicSeed } from './topic-bench.ts';

const USAGE = `Usage: npm run bench -- [--db=postgres|pglite] [--duration=10] [--connections=50] [--warmup=3] [--rounds=1]
  [--pg=postgres://postgres@127.0.0.1:5432] [--pg-database=cercle_bench] [--redis=redis://127.0.0.1:6379]
  [--keep-db] [--json=results.json] [--only=topic-json-origin,reply-create,...]
  --only keeps the targets with these keys (and the baselines they are compared with).`;

function readOptions() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'postgres' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '50' },
      warmup: { type: 'string', default: '3' },
      rounds: { type: 'string', default: '1' },
      pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' },
      'pg-database': { type: 'string', default: 'cercle_bench' },
      redis: { type: 'string' },
      'keep-db': { type: 'boolean', default: false },
      json: { type: 'string' },
      only: { type: 'string' },
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
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new Error(`--${name} must be a whole number between ${min} and ${max} (got "${raw}")\n${USAGE}`);
    }
    return value;
  };
  if (values.db !== 'postgres' && values.db !== 'pglite') {
    throw new Error(`--db must be postgres or pglite (got "${values.db}")\n${USAGE}`);
  }
  const pgUrl = values.pg.replace(/\/+$/, '');
  // Only loopback traffic: the benchmark loads what it talks to.
  for (const [name, url] of [
    ['pg', pgUrl],
    ['redis', values.redis],
  ] as const) {
    const host = url ? new URL(url).hostname : '127.0.0.1';
    if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
      throw new Error(`--${name} must be on the loopback interface (got "${host}")`);
    }
  }
  return {
    db: values.db,
    duration: int('duration', values.duration, 1, 300),
    connections: int('connections', values.connections, 1, 1000),
    warmup: int('warmup', values.warmup, 0, 60),
    rounds: int('rounds', values.rounds, 1, 10),
    pgUrl,
    pgDatabase: values['pg-database'],
    redisUrl: values.redis ?? null,
    keepDb: values['keep-db'],
    json: values.json ?? null,
    only: values.only ? new Set(values.only.split(',').map((key) => key.trim())) : null,
  };
}

/** Signs in once (better-auth rate-limits sign-in) and returns the Cookie header of the session. */
async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify(BENCH_ADMIN),
    signal: AbortSignal.timeout(10_000),
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${body}`);
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
  if (!cookies.some((c) => c.startsWith('cercle.session_token='))) {
    throw new Error('sign-in answered without a cercle.session_token cookie');
  }
  return cookies.join('; ');
}

/** Fetches a scenario once and checks it answers 200 with what it should; returns the body. */
async function check(scenario: Scenario, expect: (body: string) => boolean): Promise<string> {
  const response = await fetch(scenario.url, {
    headers: scenario.headers,
    signal: AbortSignal.timeout(10_000),
  });
  const body = await response.text();
  if (response.status !== 200 || !expect(body)) {
    throw new Error(`${scenario.label}: unexpected answer ${response.status}: ${body.slice(0, 300)}`);
  }
  return body;
}

/** The body of the replies created during the run (Markdown, rendered by both servers). */
const REPLY_BODY =
  'Same here: **resetting** the pairing fixed it. See [the guide](https://example.test/guide).';

/** Sends a POST scenario once and checks it answers 201. */
async function checkPost(scenario: Scenario): Promise<void> {
  const response = await fetch(scenario.url, {
    method: 'POST',
    headers: scenario.headers,
    body: scenario.body,
    signal: AbortSignal.timeout(10_000),
  });
  const body = await response.text();
  if (response.status !== 201) {
    throw new Error(`${scenario.label}: unexpected answer ${response.status}: ${body.slice(0, 300)}`);
  }
}

/** The server log's lines from `from` on, grouped by message (and error type) with their counts. */
function logSummary(file: string, from: number): { lines: number; groups: string[] } {
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const counts = new Map<string, number>();
  for (const line of lines.slice(from)) {
    let key = line.slice(0, 160);
    try {
      const entry = JSON.parse(line) as {
        level?: number;
        msg?: string;
        err?: { type?: string; message?: string };
      };
      key = `level ${entry.level}: ${entry.msg ?? ''}${entry.err ? ` (${entry.err.type}: ${entry.err.message})` : ''}`;
    } catch {
      // not JSON: keep the raw start of the line
    }
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { lines: lines.length, groups: [...counts].map(([key, n]) => `${n} × ${key}`) };
}

async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const options = readOptions();
  const work = mkdtempSync(join(tmpdir(), 'cercle-bench-'));
  const services: Service[] = [];
  let createdDb = false;
  let failed = false;

  const cleanup = async () => {
    for (const service of services.reverse()) {
      console.log(`Stopping ${service.name}: ${await stopService(service)}`);
    }
    services.length = 0;
    if (createdDb && !options.keepDb) await dropPostgresDatabase(options.pgUrl, options.pgDatabase);
    if (!failed) rmSync(work, { recursive: true, force: true });
    else console.error(`Logs kept in ${work}`);
  };
  const onSignal = (signal: string) => {
    console.error(`\n${signal}: stopping…`);
    failed = true;
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', () => onSignal('SIGINT'));
  process.once('SIGTERM', () => onSignal('SIGTERM'));

  try {
    ensureBuild();
    const secret = randomBytes(32).toString('base64url');
    const baseEnv = serverBaseEnv(secret);
    const setupLog = join(work, 'setup.log');

    // The PostgreSQL database: Cercle's with --db=postgres, the baseline's in both modes.
    console.log(`Creating the PostgreSQL database ${options.pgDatabase}…`);
    const pgDatabaseUrl = await recreatePostgresDatabase(options.pgUrl, options.pgDatabase);
    createdDb = true;
    const pgEnv: NodeJS.ProcessEnv = { ...baseEnv, DATABASE_URL: pgDatabaseUrl };
    const pgTarget: DatabaseTarget = { kind: 'postgres', url: pgDatabaseUrl, max: 2 };
    console.log(`Seeding PostgreSQL: ${await seedDatabase(pgTarget, pgEnv, setupLog)}`);
    const pgTopics = await seedTopicsIn(pgTarget, secret);
    console.log(`  + ${BENCH_TOPICS} topics × ${BENCH_REPLIES_PER_TOPIC} replies in veloce/bench-help`);
    let cercleTopics: TopicSeed = pgTopics;

    let cercleEnv = pgEnv;
    if (options.db === 'pglite') {
      const dataDir = join(work, 'data');
      cercleEnv = { ...baseEnv, DATA_DIR: dataDir };
      console.log(
        `Seeding PGlite in ${dataDir}: ${await seedDatabase({ kind: 'pglite', dataDir }, cercleEnv, setupLog)}`,
      );
      cercleTopics = await seedTopicsIn({ kind: 'pglite', dataDir }, secret);
    }

    const cerclePort = await freePort();
    const cercleUrl = `http://127.0.0.1:${cerclePort}`;
    const cercle = startService(
      'Cercle',
      [join(ROOT, 'server/main.ts'), 'serve'],
      {
        ...cercleEnv,
        HOST: '127.0.0.1',
        PORT: String(cerclePort),
        PUBLIC_URL: cercleUrl,
        CERCLE_ADMIN_EMAIL: BENCH_ADMIN.email,
        CERCLE_ADMIN_PASSWORD: BENCH_ADMIN.password,
        RATE_LIMIT_PER_MINUTE: '10000000',
        ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
      },
      join(work, 'cercle.log'),
      cercleUrl,
    );
    services.push(cercle);
    const barePort = await freePort();
    const bare = startService(
      'bare baseline',
      [join(ROOT, 'bench/bare-server.ts')],
      { ...baseEnv, DATABASE_URL: pgDatabaseUrl, PORT: String(barePort) },
      join(work, 'bare.log'),
      `http://127.0.0.1:${barePort}`,
    );
    services.push(bare);
    await Promise.all([waitReady(cercle, '/readyz'), waitReady(bare, '/healthz')]);
    console.log(`Cercle on ${cercleUrl} (${options.db}), bare baseline on ${bare.url} (PostgreSQL)`);

    const cookie = await signIn(cercleUrl);
    const html = {
      accept: 'text/html',
      'accept-language': 'fr',
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0',
    };
    const scenarios = {
      bare: {
        key: 'bare',
        label: `(a) bare Fastify + pg, 1 query${options.db === 'pglite' ? ' [PostgreSQL]' : ''}`,
        url: `${bare.url}/communities/veloce`,
      },
      json: {
        key: 'community-json',
        label: '(b) GET /api/v1/communities/veloce',
        url: `${cercleUrl}/api/v1/communities/veloce`,
      },
      html: {
        key: 'community-html',
        label: '(c) GET /c/veloce (HTML)',
        url: `${cercleUrl}/c/veloce`,
        headers: html,
      },
      list: {
        key: 'list-json',
        label: '(d) GET /api/v1/communities?limit=20',
        url: `${cercleUrl}/api/v1/communities?limit=20`,
      },
      me: {
        key: 'me-json',
        label: '(e) GET /api/v1/me (signed in)',
        url: `${cercleUrl}/api/v1/me`,
        headers: { cookie },
      },
      topicBare: {
        key: 'bare-topic',
        label: '(f) bare topic JSON, 1 query built by PostgreSQL',
        url: `${bare.url}/topics/${pgTopics.topicId}`,
      },
      topicJson: {
        key: 'topic-json',
        label: '(g) GET /api/v1/communities/veloce/topics/:id',
        url: `${cercleUrl}/api/v1/communities/veloce/topics/${cercleTopics.topicId}`,
        baselineKey: 'bare-topic',
      },
      topicHtml: {
        key: 'topic-html',
        label: '(h) GET /c/veloce/t/:id (HTML)',
        url: `${cercleUrl}/c/veloce/t/${cercleTopics.topicId}`,
        headers: html,
        baselineKey: 'bare-topic',
      },
      topicJsonOrigin: {
        key: 'topic-json-origin',
        label: '(g′) same, Cache-Control: no-cache (origin)',
        url: `${cercleUrl}/api/v1/communities/veloce/topics/${cercleTopics.topicId}`,
        headers: { 'cache-control': 'no-cache' },
        baselineKey: 'bare-topic',
      },
      topicHtmlOrigin: {
        key: 'topic-html-origin',
        label: '(h′) same, Cache-Control: no-cache (origin)',
        url: `${cercleUrl}/c/veloce/t/${cercleTopics.topicId}`,
        headers: { ...html, 'cache-control': 'no-cache' },
        baselineKey: 'bare-topic',
      },
      replyBare: {
        key: 'bare-reply',
        label: '(i) bare reply insert, 1 transaction',
        url: `${bare.url}/topics/${pgTopics.replyTopicId}/replies`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          body: REPLY_BODY,
          authorId: pgTopics.authorId,
          communityId: pgTopics.communityId,
        }),
      },
      replyCreate: {
        key: 'reply-create',
        label: '(j) POST …/topics/:id/replies (50 members)',
        url: `${cercleUrl}/api/v1/communities/veloce/topics/${cercleTopics.replyTopicId}/replies`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ body: REPLY_BODY }),
        cookies: cercleTopics.cookies,
        baselineKey: 'bare-reply',
      },
    } satisfies Record<string, Scenario>;

    // Each target answers what it should before it is measured.
    const bareBody = JSON.parse(await check(scenarios.bare, (b) => b.includes('"slug":"veloce"'))) as {
      membersCount: number;
    };
    const cercleBody = JSON.parse(await check(scenarios.json, (b) => b.includes('"slug":"veloce"'))) as {
      membersCount: number;
    };
    await check(scenarios.html, (b) => b.includes('Communauté Véloce') && b.includes('</html>'));
    await check(scenarios.list, (b) => (JSON.parse(b) as { items: unknown[] }).items.length === 20);
    await check(scenarios.me, (b) => b.includes(BENCH_ADMIN.email));
    const bareTopic = JSON.parse(await check(scenarios.topicBare, (b) => b.includes('"replies"'))) as {
      replies: unknown[];
      solutions: unknown[];
    };
    const cercleTopic = JSON.parse(await check(scenarios.topicJson, (b) => b.includes('"replies"'))) as {
      replies: unknown[];
      solutions: unknown[];
    };
    await check(scenarios.topicHtml, (b) => b.includes('Bench question number') && b.includes('</html>'));
    if (
      bareTopic.replies.length !== cercleTopic.replies.length ||
      bareTopic.solutions.length !== cercleTopic.solutions.length
    ) {
      throw new Error('baseline and Cercle disagree on the topic’s replies');
    }
    await checkPost(scenarios.replyBare);
    await checkPost({
      ...scenarios.replyCreate,
      headers: { ...scenarios.replyCreate.headers, cookie: cercleTopics.cookies[0] },
    });
    if (bareBody.membersCount !== cercleBody.membersCount) {
      throw new Error(
        `baseline and Cercle disagree on membersCount: ${bareBody.membersCount} vs ${cercleBody.membersCount}`,
      );
    }

    const settings = { connections: options.connections, duration: options.duration, warmup: options.warmup };
    console.log(
      `Measuring ${options.connections} connections, ${options.warmup} s warm-up + ${options.duration} s per target…`,
    );
    const loadBefore = loadavg()[0];
    if (loadBefore > 1) {
      console.log(
        `WARNING: the 1-minute load average is ${loadBefore.toFixed(1)} before the run: other processes share the CPU, so the figures will be low and noisy.`,
      );
    }
    // Rounds interleave the targets, so that a busy spell of the machine hits them all alike; the bare
    // baseline also closes the run. Each figure is the median across rounds.
    const runs = new Map<string, Measurement[]>();
    const serverLogs: string[] = [];
    const order: Scenario[] = [
      scenarios.bare,
      scenarios.json,
      scenarios.html,
      scenarios.list,
      scenarios.me,
      scenarios.topicBare,
      scenarios.topicJson,
      scenarios.topicHtml,
      scenarios.topicJsonOrigin,
      scenarios.topicHtmlOrigin,
      scenarios.replyBare,
      scenarios.replyCreate,
    ];
    // --only: the chosen targets and the baselines they are read against (the community baseline is
    // the default one).
    const keep = (scenario: Scenario) =>
      !options.only ||
      options.only.has(scenario.key) ||
      order.some((other) => options.only!.has(other.key) && (other.baselineKey ?? 'bare') === scenario.key);
    const chosen = order.filter(keep);
    if (options.only && chosen.length === 0) throw new Error(`--only matches no target\n${USAGE}`);
    const closing = chosen.find((scenario) => !('baselineKey' in scenario)) ?? chosen[0];
    const plan = [...Array.from({ length: options.rounds }, () => chosen).flat(), closing];
    for (const [index, scenario] of plan.entries()) {
      const round = Math.floor(index / chosen.length) + 1;
      process.stdout.write(
        `  ${options.rounds > 1 ? `[${Math.min(round, options.rounds)}] ` : ''}${scenario.label}… `,
      );
      const from = logSummary(cercle.log, 0).lines;
      const m = await measure(scenario, settings);
      runs.set(scenario.key, [...(runs.get(scenario.key) ?? []), m]);
      console.log(`${m.requestsPerSecond.toFixed(0)} req/s, p99 ${m.p99.toFixed(0)} ms`);
      await sleep(1_000); // let the requests cut off by the end of the run finish before reading the log
      for (const group of logSummary(cercle.log, from).groups) serverLogs.push(`${scenario.label}: ${group}`);
    }
    const summaries = chosen.map((scenario) => summarize(runs.get(scenario.key)!));
    const baselineRps = (summaries.find((m) => m.scenario.key === 'bare') ?? summaries[0]).requestsPerSecond;

    const cpu = cpus();
    const machine = `${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}, PostgreSQL ${await postgresVersion(pgDatabaseUrl)}`;
    console.log('');
    console.log(
      `Cercle on ${options.db === 'pglite' ? 'PGlite (embedded, one connection)' : 'PostgreSQL'}${options.redisUrl ? ' + Redis' : ''}; bare baseline on PostgreSQL${options.db === 'pglite' ? ' (same seeded data; it cannot share the PGlite folder)' : ''}.`,
    );
    console.log(
      `${machine}; ${options.connections} connections, ${options.duration} s per target after ${options.warmup} s warm-up, ${options.rounds} round(s).`,
    );
    console.log(
      `Figures are medians across rounds (the bare baseline also ran last: ${summaries[0].rounds} runs). Ratio = req/s ÷ bare req/s (${baselineRps.toFixed(0)}).`,
    );
    console.log('');
    const baselines = Object.fromEntries(summaries.map((m) => [m.scenario.key, m.requestsPerSecond]));
    console.log(formatTable(summaries, baselineRps, baselines));
    console.log(
      '\nRatios: (b)–(e) to (a); (g), (h), (g′), (h′) to the bare topic (f); (j) to the bare insert (i). Targets: (g) ≥ 0.5, (h) ≥ 0.25, (j) ≥ 0.3, p99 < 150 ms for reads.',
    );
    const bad = summaries.filter((m) => m.non2xx > 0 || m.errors > 0);
    if (bad.length > 0)
      console.log(
        `\nWARNING: non-2xx responses or errors in: ${bad.map((m) => m.scenario.label).join('; ')}`,
      );

    console.log(
      `\nLoad average (1 min): ${loadBefore.toFixed(2)} before the measurements, ${loadavg()[0].toFixed(2)} after.`,
    );
    if (serverLogs.length > 0) {
      console.log(`\nCercle logged, at warn level or above, while loaded:\n  ${serverLogs.join('\n  ')}`);
    }

    if (options.json) {
      writeFileSync(
        options.json,
        `${JSON.stringify({ date: new Date().toISOString(), machine, options: { ...options, pgUrl: undefined, only: options.only ? [...options.only] : null }, baselineRps, loadBefore, serverLogs, summaries, runs: Object.fromEntries(runs) }, null, 2)}\n`,
      );
      console.log(`\nResults written to ${options.json}`);
    }
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
