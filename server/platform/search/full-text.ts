import { type RawBuilder, sql } from 'kysely';

/**
 * Full-text search primitives shared by every area that searches (migration 0008-search).
 *
 * Documents are indexed in two text search configurations, `cercle_fr` and `cercle_en` (PostgreSQL's
 * French and English ones with `unaccent` before the stemmer), and queries are parsed in both and
 * OR-ed: "télévision" and "televisions" share the lexeme `televis`, "écran" and "ecrans" share `ecran`.
 */

/** The longest query accepted (characters, once trimmed). */
export const MAX_QUERY_LENGTH = 200;

/**
 * A tsquery from what a person typed (web search syntax: words, "phrases", `or`, `-word`), parsed in
 * both configurations and OR-ed, so either language's stemming can match.
 */
export function bilingualQuery(text: string): RawBuilder<string> {
  return sql<string>`(websearch_to_tsquery('cercle_fr', ${text}) || websearch_to_tsquery('cercle_en', ${text}))`;
}

/**
 * A tsquery matching any of the significant words of a sentence (a question title being typed):
 * words that are a stop word in either language are left out, so "how" or "les" alone never make two
 * titles similar.
 */
export function anyWordQuery(sentence: string): RawBuilder<string> {
  const words = significantWords(sentence);
  return sql<string>`(
    SELECT websearch_to_tsquery('cercle_fr', coalesce(string_agg(w, ' or '), ''))
        || websearch_to_tsquery('cercle_en', coalesce(string_agg(w, ' or '), ''))
    FROM unnest(${words}::text[]) AS w
    WHERE numnode(plainto_tsquery('cercle_fr', w)) > 0 AND numnode(plainto_tsquery('cercle_en', w)) > 0
  )`;
}

/**
 * Words of question titles that say nothing about the subject, beyond PostgreSQL's stop word lists
 * (which keep, for instance, French "les" and question words): they never make two titles similar.
 * "or" is here too because `websearch_to_tsquery` reads it as an operator.
 */
const FILLER_WORDS = new Set(
  (
    'or les des une mon mes ton tes son ses nos vos leur leurs est sont suis pas plus tres peut peux ' +
    'faut comment pourquoi quand quoi quel quelle quels quelles combien probleme question aide svp merci ' +
    'bonjour impossible marche fonctionne how what why when where which who can cannot could does doesn ' +
    'dont don isn problem issue question help please thanks hello work works working'
  ).split(' '),
);

/**
 * The distinct significant words (letters and digits) of a sentence, lower-cased and unaccented, at most
 * 16: single characters and filler words left out.
 */
export function significantWords(sentence: string): string[] {
  const plain = sentence.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const words = plain.match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter((w) => w.length > 1 && !FILLER_WORDS.has(w)))].slice(0, 16);
}

/** The unaccented form the trigram index on titles is built on (`cercle_unaccent`, immutable). */
export function unaccented(text: string): RawBuilder<string> {
  return sql<string>`cercle_unaccent(${text})`;
}
