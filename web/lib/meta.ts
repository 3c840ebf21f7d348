import { DEFAULT_LOCALE, type Locale, translate } from '../../common/i18n/index.ts';

/** Builds a route's `meta` export: the page title (a message key) in the viewer's language. */
export function titled(key: string) {
  return ({ matches }: { matches: readonly ({ loaderData?: unknown } | undefined)[] }) => {
    const locale = (matches[0]?.loaderData as { locale?: Locale } | undefined)?.locale ?? DEFAULT_LOCALE;
    return [{ title: `${translate(locale, key)} · Cercle` }];
  };
}
