import { type Insertable, sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import { isUuid } from '../../platform/db/ids.ts';
import type { SurveyMediaRow, SurveyMediaTable } from '../../platform/db/schema-research.ts';

/** Stores a survey stimulus file's row. */
export async function insertSurveyMedia(
  db: Queryable,
  values: Insertable<SurveyMediaTable>,
): Promise<SurveyMediaRow> {
  return db.insertInto('survey_media').values(values).returningAll().executeTakeFirstOrThrow();
}

/** One stimulus file of a community (undefined for an unknown, malformed or another community's id). */
export async function findSurveyMedia(
  db: Queryable,
  communityId: string,
  mediaId: string,
): Promise<SurveyMediaRow | undefined> {
  if (!isUuid(mediaId)) return undefined;
  return db
    .selectFrom('survey_media')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', mediaId)
    .executeTakeFirst();
}

/** The stimulus files of a community among these ids (other communities' files are left out). */
export async function listSurveyMediaByIds(
  db: Queryable,
  communityId: string,
  ids: readonly string[],
): Promise<SurveyMediaRow[]> {
  const valid = [...new Set(ids.filter(isUuid))];
  if (valid.length === 0) return [];
  return db
    .selectFrom('survey_media')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', 'in', valid)
    .execute();
}

/** The surveys of a community whose definition shows a stimulus file (at most 20, newest first). */
export async function listSurveysShowingMedia(
  db: Queryable,
  communityId: string,
  mediaId: string,
): Promise<string[]> {
  const result = await sql<{ id: string }>`
    SELECT s.id FROM surveys s
    WHERE s.community_id = ${communityId}
      AND (jsonb_path_exists(s.definition, '$.pages[*].questions[*].stimulus ? (@.mediaId == $id)',
             jsonb_build_object('id', ${mediaId}::text))
        OR jsonb_path_exists(s.definition, '$.pages[*].questions[*].options[*] ? (@.mediaId == $id)',
             jsonb_build_object('id', ${mediaId}::text)))
    ORDER BY s.created_at DESC LIMIT 20`.execute(db);
  return result.rows.map((r) => r.id);
}
