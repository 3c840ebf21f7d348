import { useRouteLoaderData } from 'react-router';
import { DEFAULT_LOCALE, type Locale, type MessageParams, translate } from '../../common/i18n/index.ts';

/** Data every page gets from the root loader. */
export interface RootData {
  locale: Locale;
  viewer: {
    name: string;
    abilities: { createCommunity: boolean; readMailOutbox: boolean };
    /** The account id (its own `user:<id>` real-time channel) and its unread notifications count. */
    userId: string;
    unreadNotifications: number;
  } | null;
  timeZone: string | null;
}

/** The current interface language (from the root loader). */
export function useLocale(): Locale {
  return useRouteLoaderData<RootData>('root')?.locale ?? DEFAULT_LOCALE;
}

/** A `t(key, params)` function for the current language. */
export function useT(): (key: string, params?: MessageParams) => string {
  const locale = useLocale();
  return (key, params) => translate(locale, key, params);
}

/** The viewer as the root loader exposes them (name and platform-admin flag only). */
export function useViewer(): RootData['viewer'] {
  return useRouteLoaderData<RootData>('root')?.viewer ?? null;
}
