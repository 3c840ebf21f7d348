import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from '../server/platform/db/lock.ts';

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cercle-lock-'));
  tempDirs.push(dir);
  return dir;
}
const children: ChildProcessWithoutNullStreams[] = [];
afterAll(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** The pid a lock file names (JSON `{ pid, host, token }`, or a bare pid from older versions). */
function ownerPid(path: string): number {
  const text = readFileSync(path, 'utf8').trim();
  return text.startsWith('{') ? (JSON.parse(text) as { pid: number }).pid : Number(text);
}

function lockedError(dir: string): DataDirLockedError {
  try {
    acquireDataDirLock(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(DataDirLockedError);
    return error as DataDirLockedError;
  }
  throw new Error('expected DataDirLockedError');
}

describe('acquireDataDirLock', () => {
  it('refuses a folder whose lock file names a live process, and leaves its lock alone', () => {
    const dir = tempDir();
    const lockFile = join(dir, 'cercle.lock');
    for (const content of [
      String(process.ppid),
      JSON.stringify({ pid: process.ppid, host: hostname(), token: 't' }),
    ]) {
      writeFileSync(lockFile, content);
      const error = lockedError(dir);
      expect(error.pid).toBe(process.ppid);
      expect(error.message).toContain(`pid ${process.ppid}`);
      expect(error.message).toContain(dir);
      expect(readFileSync(lockFile, 'utf8')).toBe(content);
    }
  });

  it('refuses a lock held from another host, even when that pid means nothing here', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'cercle.lock'),
      JSON.stringify({ pid: deadPid(), host: 'another-host', token: 'x' }),
    );
    expect(lockedError(dir).message).toContain('another-host');
  });

  it('takes over a lock left by a process that is gone, and releases it', () => {
    const dir = tempDir();
    for (const content of [
      String(deadPid()),
      JSON.stringify({ pid: deadPid(), host: hostname(), token: 'old' }),
    ]) {
      writeFileSync(join(dir, 'cercle.lock'), content);
      const lock = acquireDataDirLock(dir);
      expect(ownerPid(lock.path)).toBe(process.pid);
      lock.release();
      expect(existsSync(lock.path)).toBe(false);
    }
  });

  it('takes over a garbled lock file, or one with its own pid but another token (a restarted container)', () => {
    const dir = tempDir();
    const lockFile = join(dir, 'cercle.lock');
    writeFileSync(lockFile, 'not a pid');
    const first = acquireDataDirLock(dir);
    first.release();
    writeFileSync(lockFile, JSON.stringify({ pid: process.pid, host: hostname(), token: 'previous-life' }));
    const second = acquireDataDirLock(dir);
    expect(readFileSync(lockFile, 'utf8')).not.toContain('previous-life');
    expect(ownerPid(lockFile)).toBe(process.pid);
    second.release();
    expect(existsSync(lockFile)).toBe(false);
  });
});

/** A pid that belonged to a process which has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid;
}

/** Starts `cercle serve` (worker role: no web build needed) on an embedded data folder. */
function serve(dataDir: string): ChildProcessWithoutNullStreams & { output: () => string } {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    PORT: '0',
    CERCLE_ROLES: 'worker',
    LOG_LEVEL: 'info',
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const child = spawn(resolve('node_modules/.bin/node'), ['server/main.ts', 'serve'], { env });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return Object.assign(child, { output: () => output });
}

function exited(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((done) => child.once('exit', (code) => done(code)));
}

describe('two processes on one data folder', () => {
  it('refuses to start a second Cercle on a data folder in use', async () => {
    const dataDir = tempDir();
    const first = serve(dataDir);
    await new Promise<void>((ready, fail) => {
      const check = () => {
        if (first.output().includes('Cercle is running')) ready();
      };
      first.stdout.on('data', check);
      first.once('exit', (code) => fail(new Error(`first process exited (${code}): ${first.output()}`)));
      check();
    });
    expect(ownerPid(join(dataDir, 'cercle.lock'))).toBe(first.pid);

    const second = serve(dataDir);
    const code = await exited(second);
    expect(code).not.toBe(0);
    expect(code).toBe(75);
    expect(second.output()).toContain(
      `Another Cercle process (pid ${first.pid}) is already using the data folder`,
    );
    expect(first.exitCode).toBeNull();

    first.kill('SIGTERM');
    expect(await exited(first)).toBe(0);
    expect(existsSync(join(dataDir, 'cercle.lock'))).toBe(false);
  }, 120_000);
});
