import { describe, expect, it } from 'vitest';
import { en } from '../common/i18n/en.ts';
import { fr } from '../common/i18n/fr.ts';
import {
  DEFAULT_LOCALE,
  isLocale,
  localeFromAcceptLanguage,
  translate,
  translator,
} from '../common/i18n/index.ts';
import { pickLocale } from '../server/platform/http/request-context.ts';
import type { Actor } from '../server/platform/authz/actor.ts';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('French and English have exactly the same keys', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('every message is non-empty and uses the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(en[key].trim(), key).not.toBe('');
      expect(fr[key].trim(), key).not.toBe('');
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('has a title in both languages for every error code', async () => {
    const { ERROR_STATUS } = await import('../server/platform/errors/app-error.ts');
    for (const code of Object.keys(ERROR_STATUS)) {
      expect(Object.keys(en), code).toContain(`error.${code}`);
    }
  });

  it('pairs plural forms: every `_one` has its `_other`', () => {
    for (const key of Object.keys(en)) {
      if (key.endsWith('_one')) expect(Object.keys(en)).toContain(key.replace(/_one$/, '_other'));
    }
  });
});

describe('translate', () => {
  it('interpolates parameters and keeps unknown ones visible', () => {
    expect(translate('en', 'validation.tooShort', { limit: 3 })).toBe('Must be at least 3 characters.');
    expect(translate('fr', 'validation.tooShort', { limit: 3 })).toBe('Au moins 3 caractères.');
    expect(translate('en', 'join.title', {})).toBe('Join {{name}}');
  });

  it('selects plural forms by the rules of each language', () => {
    expect(translate('en', 'community.membersCount', { count: 0 })).toBe('0 members');
    expect(translate('en', 'community.membersCount', { count: 1 })).toBe('1 member');
    expect(translate('en', 'community.membersCount', { count: 2 })).toBe('2 members');
    // In French, 0 and 1 are singular.
    expect(translate('fr', 'community.membersCount', { count: 0 })).toBe('0 membre');
    expect(translate('fr', 'community.membersCount', { count: 1 })).toBe('1 membre');
    expect(translate('fr', 'community.membersCount', { count: 1.5 })).toBe('1.5 membre');
    expect(translate('fr', 'community.membersCount', { count: 2 })).toBe('2 membres');
    expect(translate('fr', 'community.membersCount', { count: 1_000_000 })).toBe('1000000 membres');
  });

  it('returns the key itself for an unknown message, never a blank', () => {
    expect(translate('fr', 'no.such.key')).toBe('no.such.key');
    expect(translator('en')('nav.home')).toBe('Home');
    expect(translator('fr')('nav.home')).toBe('Accueil');
  });
});

describe('Accept-Language', () => {
  const cases: [string | undefined | null, 'fr' | 'en' | null][] = [
    ['fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
    ['en-GB,en;q=0.9', 'en'],
    ['EN-us', 'en'],
    ['de-DE,de;q=0.9,en;q=0.5,fr;q=0.4', 'en'],
    ['fr;q=0.4, en;q=0.8', 'en'],
    ['en;q=0, fr;q=0.1', 'fr'],
    ['de, it', null],
    ['*', null],
    ['', null],
    [undefined, null],
    [null, null],
  ];
  for (const [header, expected] of cases) {
    it(`picks ${expected} for ${JSON.stringify(header)}`, () => {
      expect(localeFromAcceptLanguage(header)).toBe(expected);
    });
  }

  it('prefers the account’s language, then the cookie, then the header, then French', () => {
    const actor = (locale: string | null): Actor => ({
      userId: 'u',
      email: 'e@example.test',
      name: 'n',
      emailVerified: true,
      isPlatformAdmin: false,
      locale,
    });
    expect(pickLocale(actor('en'), 'cercle_locale=fr', 'fr')).toBe('en');
    expect(pickLocale(actor(null), 'a=b; cercle_locale=en', 'fr')).toBe('en');
    expect(pickLocale(null, 'cercle_locale=de', 'en-US')).toBe('en');
    expect(pickLocale(null, undefined, 'de')).toBe(DEFAULT_LOCALE);
    expect(DEFAULT_LOCALE).toBe('fr');
    expect(isLocale('fr') && isLocale('en') && !isLocale('de')).toBe(true);
  });
});
