const FORMAT = /^[\p{L}\p{N}._-]{3,30}$/u;

/** True when a pseudonym has the accepted shape (3–30 letters, digits, dots, dashes, underscores). */
export function isValidPseudonym(pseudonym: string): boolean {
  return FORMAT.test(pseudonym);
}

/**
 * The uniqueness key of a pseudonym: case, accents and compatibility forms folded, so that "Éloïse"
 * and "eloise" cannot both exist in one community.
 */
export function pseudonymKey(pseudonym: string): string {
  return pseudonym.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
