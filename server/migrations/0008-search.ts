import { type Kysely, sql } from 'kysely';

/**
 * Search and deflection.
 *
 * Full text: two text search configurations, `cercle_fr` and `cercle_en`, copy PostgreSQL's French and
 * English ones with `unaccent` before the stemmer, so "télévision" and "televisions" meet on one lexeme.
 * Topics and replies carry a stored generated `search_vector` (both configurations; a topic's title
 * weighs A and its body B) with a GIN index: no trigger, the database keeps it in step with every write.
 *
 * Typo tolerance: a trigram GIN index on the unaccented title (`pg_trgm`), through `cercle_unaccent`,
 * an immutable wrapper (the one-argument `unaccent()` is only stable, so indexes cannot use it).
 *
 * `deflection_views`: a member opened a solved question suggested by the ask form. Views of one member
 * within an hour form one attempt (`attempt_id`, the id of its first view); an attempt followed by a
 * topic from that member within the hour is `converted`, otherwise it counts as a deflection. A question
 * opened again within an attempt is one view (unique per attempt and topic).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
    CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

    CREATE FUNCTION cercle_unaccent(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

    CREATE TEXT SEARCH CONFIGURATION cercle_fr (COPY = pg_catalog.french);
    ALTER TEXT SEARCH CONFIGURATION cercle_fr
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    CREATE TEXT SEARCH CONFIGURATION cercle_en (COPY = pg_catalog.english);
    ALTER TEXT SEARCH CONFIGURATION cercle_en
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

    ALTER TABLE topics ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('cercle_fr', title), 'A') || setweight(to_tsvector('cercle_en', title), 'A') ||
      setweight(to_tsvector('cercle_fr', body), 'B') || setweight(to_tsvector('cercle_en', body), 'B')
    ) STORED;
    CREATE INDEX topics_search_idx ON topics USING gin (search_vector);
    CREATE INDEX topics_title_trgm_idx ON topics USING gin (cercle_unaccent(title) public.gin_trgm_ops);

    ALTER TABLE replies ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
      to_tsvector('cercle_fr', body) || to_tsvector('cercle_en', body)
    ) STORED;
    CREATE INDEX replies_search_idx ON replies USING gin (search_vector);

    CREATE TABLE deflection_views (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      member_id uuid NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
      topic_id uuid NOT NULL,
      attempt_id uuid NOT NULL,
      query_title text NOT NULL CHECK (length(query_title) BETWEEN 1 AND 200),
      converted boolean NOT NULL DEFAULT false,
      posted_topic_id uuid REFERENCES topics (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (community_id, topic_id) REFERENCES topics (community_id, id) ON DELETE CASCADE,
      CHECK (posted_topic_id IS NULL OR converted),
      UNIQUE (attempt_id, topic_id)
    );
    CREATE INDEX deflection_views_community_idx ON deflection_views (community_id, created_at);
    CREATE INDEX deflection_views_member_idx ON deflection_views (member_id, created_at);
  `.execute(db);
}

/** Drops the deflection views, the search columns and indexes, the configurations and the extensions. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE IF EXISTS deflection_views;
    DROP INDEX IF EXISTS topics_title_trgm_idx;
    ALTER TABLE replies DROP COLUMN IF EXISTS search_vector;
    ALTER TABLE topics DROP COLUMN IF EXISTS search_vector;
    DROP TEXT SEARCH CONFIGURATION IF EXISTS cercle_en;
    DROP TEXT SEARCH CONFIGURATION IF EXISTS cercle_fr;
    DROP FUNCTION IF EXISTS cercle_unaccent(text);
    DROP EXTENSION IF EXISTS pg_trgm;
    DROP EXTENSION IF EXISTS unaccent;
  `.execute(db);
}
