import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** Held lock on an embedded data folder; `release()` removes it. */
export interface DataDirLock {
  path: string;
  release(): void;
}

/** Raised when another live process holds the data folder. */
export class DataDirLockedError extends Error {
  readonly pid: number;
  constructor(dataDir: string, pid: number, host?: string) {
    super(
      `Another Cercle process (pid ${pid}${host ? ` on ${host}` : ''}) is already using the data folder ${dataDir}. ` +
        'PGlite cannot be shared between processes: stop that process first, or set DATA_DIR to another folder ' +
        '(or DATABASE_URL to a PostgreSQL server to run several processes). If that process is gone for good, ' +
        `delete ${dataDir}/cercle.lock.`,
    );
    this.pid = pid;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** What a lock file says: which process on which host holds the folder, and a token unique to it. */
interface LockOwner {
  pid: number;
  host: string | null;
  token: string | null;
}

function readOwner(path: string): LockOwner {
  const text = readFileSync(path, 'utf8').trim();
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner>;
    if (typeof parsed === 'object' && parsed && typeof parsed.pid === 'number') {
      return { pid: parsed.pid, host: parsed.host ?? null, token: parsed.token ?? null };
    }
  } catch {
    /* a bare pid (older format) */
  }
  return { pid: Number.parseInt(text, 10), host: null, token: null };
}

/**
 * Takes an exclusive lock file in the data folder (PGlite has none of its own and two processes on one
 * folder silently lose writes). The file names the pid and host. A lock from this host whose process is
 * dead, or that carries our own pid but not our token (a restarted container is pid 1 again), is stale
 * and taken over; a lock from another host (two containers sharing a volume) is always respected.
 * @throws DataDirLockedError when a live process, or a process on another host, holds it.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'cercle.lock');
  const host = hostname();
  const token = `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, host, token }));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readOwner(path).token === token) rmSync(path);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return { path, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(path);
      if (owner.host && owner.host !== host) throw new DataDirLockedError(dataDir, owner.pid, owner.host);
      const stale =
        !Number.isInteger(owner.pid) ||
        (owner.pid === process.pid ? owner.token !== token : !isAlive(owner.pid));
      if (!stale) throw new DataDirLockedError(dataDir, owner.pid);
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${path}`);
}
