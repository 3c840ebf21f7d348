import type { Locale } from '../../common/i18n/index.ts';
import type { WebApi } from './web-api.ts';

/** The signed-in person as the web app knows them (never sent whole to the browser). */
export interface WebViewer {
  userId: string;
  name: string;
  email: string;
  /** Platform-level abilities, evaluated by the areas' policies (the web never decides rights itself). */
  abilities: { createCommunity: boolean; readMailOutbox: boolean };
}

/** What the server hands every loader and action through React Router's context. */
export interface WebContext {
  viewer: WebViewer | null;
  locale: Locale;
  publicUrl: string;
  requestId: string;
  api: WebApi;
}
