import { en, type MessageKey } from './en.ts';
import { fr } from './fr.ts';

export type { MessageKey };

/** The interface languages Cercle ships. */
export const LOCALES = ['fr', 'en'] as const;
/** One interface language. */
export type Locale = (typeof LOCALES)[number];
/** The language used when nothing else tells. */
export const DEFAULT_LOCALE: Locale = 'fr';

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, fr };
const pluralRules: Record<Locale, Intl.PluralRules> = {
  en: new Intl.PluralRules('en'),
  fr: new Intl.PluralRules('fr'),
};

/** Parameters interpolated into a message: `{{name}}`; a numeric `count` picks the plural form. */
export type MessageParams = Record<string, string | number>;

/** True when the value is one of the supported locales. */
export function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en';
}

/**
 * Translates a key for a locale. With a numeric `count`, looks for `key_one`/`key_other` (CLDR plural
 * categories) first. Unknown keys return the key itself, so a missing message is visible, never blank.
 */
export function translate(locale: Locale, key: string, params?: MessageParams): string {
  const catalog = catalogs[locale] as Record<string, string>;
  let template: string | undefined;
  if (params && typeof params.count === 'number') {
    const category = pluralRules[locale].select(params.count);
    template = catalog[`${key}_${category}`] ?? catalog[`${key}_other`];
  }
  template ??= catalog[key] ?? (catalogs.en as Record<string, string>)[key] ?? key;
  if (!params) return template;
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Returns a `t` function bound to one locale. */
export function translator(locale: Locale): (key: string, params?: MessageParams) => string {
  return (key, params) => translate(locale, key, params);
}

/**
 * Picks the best supported locale from an `Accept-Language` header value, or null when none fits.
 */
export function localeFromAcceptLanguage(header: string | undefined | null): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (isLocale(base)) return base;
  }
  return null;
}
