import type { Locale } from '../../common/i18n/index.ts';
import type { Actor } from './authz/actor.ts';
import type { Kernel } from './kernel.ts';

/** What a command receives besides its input: who acts, in which language, with which services. */
export interface Ctx {
  kernel: Kernel;
  actor: Actor | null;
  locale: Locale;
  requestId: string;
}
