import { type Locale, translate } from '../../../common/i18n/index.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { findConsentTexts, latestConsentTexts } from './recruitment.repository.ts';
import { CONSENT_PURPOSES, type ConsentTextsDto, type ConsentTextsInput } from './recruitment.schemas.ts';

/**
 * The consent texts of a community in a language: a given version, or the latest one. Version 0 is
 * Cercle's own wording, in force until the community publishes its texts.
 */
export async function consentTextsFor(
  db: Queryable,
  communityId: string,
  locale: Locale,
  version?: number,
): Promise<ConsentTextsDto> {
  const row =
    version === undefined
      ? await latestConsentTexts(db, communityId)
      : version === 0
        ? undefined
        : await findConsentTexts(db, communityId, version);
  const stored = row?.texts as ConsentTextsInput | undefined;
  return {
    version: row?.version ?? 0,
    texts: CONSENT_PURPOSES.map((purpose) => ({
      purpose,
      text: stored ? stored[purpose][locale] : translate(locale, `recruitment.consent.${purpose}`),
    })),
  };
}
