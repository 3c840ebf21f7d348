// Load generation (autocannon, in this process) and the results table.
import autocannon, { type Options, type Result } from 'autocannon';

/** One measured target. */
export interface Scenario {
  key: string;
  label: string;
  url: string;
  headers?: Record<string, string>;
  /** POST scenarios: the method and JSON body. */
  method?: 'POST';
  body?: string;
  /** Session cookies handed out in turn, one per request (several members posting at once). */
  cookies?: string[];
  /** The key of the baseline this scenario's ratio is taken against (default: the bare topic JSON). */
  baselineKey?: string;
}

/** The figures of one measured run. */
export interface Measurement {
  scenario: Scenario;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
}

function run(options: Options): Promise<Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** Warms a target up for `warmup` seconds (discarded), then measures it for `duration` seconds. */
export async function measure(
  scenario: Scenario,
  options: { connections: number; duration: number; warmup: number },
): Promise<Measurement> {
  let turn = 0;
  const cookies = scenario.cookies;
  const base = {
    url: scenario.url,
    headers: scenario.headers,
    connections: options.connections,
    timeout: 10,
    ...(scenario.method ? { method: scenario.method, body: scenario.body } : {}),
    ...(cookies
      ? {
          requests: [
            {
              setupRequest: (request: { headers?: Record<string, string> }) => ({
                ...request,
                headers: { ...request.headers, cookie: cookies[turn++ % cookies.length] },
              }),
            },
          ],
        }
      : {}),
  };
  if (options.warmup > 0) await run({ ...base, duration: options.warmup });
  const result = await run({ ...base, duration: options.duration });
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, stat]) => [code, stat.count]),
  );
  const total = Object.values(statusCodes).reduce((sum, n) => sum + n, 0);
  return {
    scenario,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statusCodes,
  };
}

/** A scenario's runs summed up: medians across rounds, totals of responses and failures. */
export interface Summary {
  scenario: Scenario;
  rounds: number;
  /** Median requests/s across rounds, and the lowest and highest. */
  requestsPerSecond: number;
  minRps: number;
  maxRps: number;
  /** Medians across rounds of each round's p50 and p99 latency, in milliseconds. */
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Sums up one scenario's runs (one per round). */
export function summarize(runs: Measurement[]): Summary {
  const statusCodes: Record<string, number> = {};
  for (const run of runs) {
    for (const [code, n] of Object.entries(run.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + n;
  }
  const rps = runs.map((r) => r.requestsPerSecond);
  return {
    scenario: runs[0].scenario,
    rounds: runs.length,
    requestsPerSecond: median(rps),
    minRps: Math.min(...rps),
    maxRps: Math.max(...rps),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    total: runs.reduce((sum, r) => sum + r.total, 0),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    statusCodes,
  };
}

const pad = (value: string, width: number, right = false) =>
  right ? value.padStart(width) : value.padEnd(width);

/**
 * A Markdown table of summaries, each one's requests/s also as a ratio of `baselineRps`, or of its own
 * baseline's (`scenario.baselineKey` in `baselines`).
 */
export function formatTable(
  rows: Summary[],
  baselineRps: number,
  baselines: Record<string, number> = {},
): string {
  const header = [
    'scenario',
    'req/s',
    'min–max',
    'ratio to bare',
    'p50 ms',
    'p99 ms',
    'requests',
    'non-2xx',
    'errors',
  ];
  const body = rows.map((m) => [
    m.scenario.label,
    m.requestsPerSecond.toFixed(0),
    `${m.minRps.toFixed(0)}–${m.maxRps.toFixed(0)}`,
    (
      m.requestsPerSecond /
      (m.scenario.baselineKey ? (baselines[m.scenario.baselineKey] ?? baselineRps) : baselineRps)
    ).toFixed(2),
    m.p50.toFixed(0),
    m.p99.toFixed(0),
    String(m.total),
    m.non2xx === 0
      ? '0'
      : `${m.non2xx} (${Object.entries(m.statusCodes)
          .filter(([code]) => !code.startsWith('2'))
          .map(([code, n]) => `${code}×${n}`)
          .join(', ')})`,
    String(m.errors),
  ]);
  const numeric = (i: number) => i > 0 && i < 7;
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => pad(cell, widths[i], numeric(i))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (numeric(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}
