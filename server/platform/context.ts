import type { Locale } from '../../common/i18n/index.ts';
import type { Actor } from './authz/actor.ts';
import type { Kernel } from './kernel.ts';

/** What a command receives besides its input: who acts, in which language, with which services. */
export interface Ctx {
  kernel: Kernel;
  actor: Actor | null;
  locale: Locale;
  requestId: string;
  /**
   * Reads shared by the commands of one read-only request, by key (see `sharedRead`). Only the web app's
   * GET pages set it: nothing they run changes what was read.
   */
  reads?: Map<string, Promise<unknown>>;
}

/**
 * Runs a read once per request when the request shares its reads (`ctx.reads`: a page's loaders, which
 * run side by side and each load the page's community); otherwise simply runs it.
 */
export function sharedRead<T>(ctx: Ctx, key: string, read: () => Promise<T>): Promise<T> {
  if (!ctx.reads) return read();
  let pending = ctx.reads.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = read();
    ctx.reads.set(key, pending);
  }
  return pending;
}
