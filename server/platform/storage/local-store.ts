import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kernel } from '../kernel.ts';
import { isUuid } from '../db/ids.ts';

/**
 * Where uploaded files live. The local implementation keeps them on disk; an S3-compatible one can take
 * its place at scale (DESIGN: processes at scale) without touching the callers.
 */
export interface FileStore {
  /** Stores the bytes under the id (written to a temporary file, then renamed: never half a file). */
  put(id: string, data: Buffer): Promise<void>;
  /** A stream of the file's bytes; it emits an error (ENOENT) when the file is missing. */
  open(id: string): ReadStream;
  /** Deletes the file if it exists. */
  remove(id: string): Promise<void>;
}

/**
 * A file store in a local folder, one file per id (a UUID, so no path can escape the folder).
 * @throws Error on a malformed id.
 */
export function localFileStore(root: string): FileStore {
  const pathOf = (id: string) => {
    if (!isUuid(id)) throw new Error(`Not a file id: ${String(id)}`);
    return join(root, id.slice(0, 2), id);
  };
  return {
    async put(id, data) {
      const path = pathOf(id);
      await mkdir(join(root, id.slice(0, 2)), { recursive: true });
      await writeFile(`${path}.part`, data, { flag: 'wx' });
      await rename(`${path}.part`, path);
    },
    open: (id) => createReadStream(pathOf(id)),
    remove: (id) => rm(pathOf(id), { force: true }),
  };
}

const stores = new WeakMap<Kernel, FileStore>();
/** The kernel's store of uploads: `DATA_DIR/uploads`. */
export function uploadStore(kernel: Kernel): FileStore {
  let store = stores.get(kernel);
  if (!store) {
    store = localFileStore(join(kernel.config.dataDir, 'uploads'));
    stores.set(kernel, store);
  }
  return store;
}
