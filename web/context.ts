import { createContext, type RouterContext } from 'react-router';
import type { WebContext } from '../server/web/web-context.ts';

const KEY = Symbol.for('cercle.web-context');
const holder = globalThis as unknown as Record<symbol, RouterContext<WebContext> | undefined>;

/**
 * The context key through which the server hands `WebContext` to loaders and actions. Kept on a global
 * symbol so the server and the built web bundle share one key.
 */
export const appContext: RouterContext<WebContext> = (holder[KEY] ??= createContext<WebContext>());
