// Child processes of the benchmark: the project's Node 24, free loopback ports, readiness, clean stops.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The repository root. */
export const ROOT = join(import.meta.dirname, '..');
/** Node 24 from node_modules (the system Node is older). */
export const NODE = join(ROOT, 'node_modules/.bin/node');

/** Builds the web app when it is missing or stale (scripts/ensure-build.ts), before starting servers. */
export function ensureBuild(): void {
  execFileSync(NODE, [join(ROOT, 'scripts/ensure-build.ts')], {
    cwd: ROOT,
    stdio: 'inherit',
    timeout: 600_000,
  });
}

/**
 * The environment of a benchmarked Cercle server: production mode, quiet logs, the given session secret,
 * and none of the caller's own server settings (each run sets its database, port and roles itself).
 */
export function serverBaseEnv(secret: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    SESSION_SECRET: secret,
  };
  for (const name of [
    'DATABASE_URL',
    'DATA_DIR',
    'REDIS_URL',
    'PORT',
    'HOST',
    'PUBLIC_URL',
    'CERCLE_ROLES',
    'CERCLE_WEB',
  ])
    delete env[name];
  return env;
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The last lines of a log file, for error messages. */
export function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Runs a Node script to completion (seed, create-admin), output appended to `log`.
 * @throws Error when it fails or exceeds `timeoutMs`.
 */
export async function runScript(
  args: string[],
  env: NodeJS.ProcessEnv,
  log: string,
  timeoutMs = 180_000,
): Promise<void> {
  const fd = openSync(log, 'a');
  try {
    const child = spawn(NODE, args, { cwd: ROOT, env, stdio: ['ignore', fd, fd] });
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`${args.join(' ')} took more than ${timeoutMs / 1000} s\n${tail(log)}`));
      }, timeoutMs);
      child.on('error', reject);
      child.on('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    if (code !== 0) throw new Error(`${args.join(' ')} exited with ${code}\n${tail(log)}`);
  } finally {
    closeSync(fd);
  }
}

/** A long-running child (a server) with its log file. */
export interface Service {
  name: string;
  child: ChildProcess;
  log: string;
  url: string;
}

/** Starts a server child process; its output goes to `log`. */
export function startService(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  log: string,
  url: string,
): Service {
  const fd = openSync(log, 'a');
  const child = spawn(NODE, args, { cwd: ROOT, env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  return { name, child, log, url };
}

/**
 * Polls `path` until it answers 200.
 * @throws Error when the process exits first or `timeoutMs` passes.
 */
export async function waitReady(service: Service, path: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) {
      throw new Error(`${service.name} exited with ${service.child.exitCode}\n${tail(service.log)}`);
    }
    try {
      const response = await fetch(`${service.url}${path}`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${service.name} was not ready after ${timeoutMs / 1000} s\n${tail(service.log)}`);
}

/** Stops a service: SIGTERM, then SIGKILL after `graceMs`. Resolves with how it ended. */
export async function stopService(service: Service, graceMs = 15_000): Promise<string> {
  const { child } = service;
  if (child.exitCode !== null || child.signalCode !== null) {
    return `already stopped (${child.exitCode ?? child.signalCode})`;
  }
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code !== null ? `exit ${code}` : `signal ${signal}`)),
  );
  child.kill('SIGTERM');
  const timer = sleep(graceMs).then(() => null);
  const outcome = await Promise.race([exited, timer]);
  if (outcome !== null) return outcome;
  child.kill('SIGKILL');
  return `killed after ${graceMs / 1000} s: ${await exited}`;
}
