import { sql } from 'kysely';
import type { Kernel } from '../../../platform/kernel.ts';
import { transact } from '../../../platform/kernel.ts';
import { uploadStore } from '../../../platform/storage/local-store.ts';

/** The periodic job that deletes stimulus files no survey uses any more. */
export const MEDIA_SWEEP_JOB = 'research.media-sweep';
/** How often the sweep runs (pg-boss cron: hourly, at minute 17). */
export const MEDIA_SWEEP_CRON = '17 * * * *';
/** How long a file stays after it was first found unused (an edit may bring it back meanwhile). */
export const MEDIA_GRACE_MS = 24 * 3_600_000;
/** The most files one run deletes (the next run takes the rest). */
const BATCH = 500;

/**
 * Whether a stimulus file (`m`) is used: shown by a question of a survey of its community (stimulus,
 * preference variant, image-choice picture), or by a question of a campaign screener.
 */
const used = sql<boolean>`(EXISTS (
    SELECT 1 FROM surveys s WHERE s.community_id = m.community_id
      AND (jsonb_path_exists(s.definition, '$.pages[*].questions[*].stimulus ? (@.mediaId == $id)',
             jsonb_build_object('id', m.id::text))
        OR jsonb_path_exists(s.definition, '$.pages[*].questions[*].options[*] ? (@.mediaId == $id)',
             jsonb_build_object('id', m.id::text))))
  OR EXISTS (
    SELECT 1 FROM recruitment_campaigns c WHERE c.community_id = m.community_id
      AND jsonb_path_exists(c.screener, '$.pages[*].questions[*] ? (@.stimulus.mediaId == $id
             || exists(@.options[*] ? (@.mediaId == $id)))', jsonb_build_object('id', m.id::text))))`;

/**
 * Sweeps the survey stimulus files: a file no survey or screener uses is marked (`unreferenced_since`);
 * a marked file used again is unmarked; a file still unused `MEDIA_GRACE_MS` after it was marked is
 * deleted (its row, checked unused again under the delete, then its bytes after commit). So a file left
 * behind by an edit, a deleted survey or a refused builder form goes after a day, and never a file a
 * survey shows. `communityId` limits the sweep to one community. Returns how many files it deleted.
 */
export async function sweepSurveyMedia(
  kernel: Kernel,
  { now = new Date(), communityId }: { now?: Date; communityId?: string } = {},
): Promise<number> {
  const scope = communityId ? sql`AND m.community_id = ${communityId}` : sql``;
  const deleted = await transact(kernel, async (trx) => {
    await sql`UPDATE survey_media m SET unreferenced_since = NULL
      WHERE m.unreferenced_since IS NOT NULL ${scope} AND ${used}`.execute(trx);
    await sql`UPDATE survey_media m SET unreferenced_since = ${now}
      WHERE m.unreferenced_since IS NULL ${scope} AND NOT ${used}`.execute(trx);
    const cutoff = new Date(now.getTime() - MEDIA_GRACE_MS);
    const { rows } = await sql<{ id: string }>`
      DELETE FROM survey_media m WHERE m.id IN (
        SELECT id FROM survey_media WHERE unreferenced_since <= ${cutoff} ORDER BY unreferenced_since LIMIT ${BATCH}
      ) ${scope} AND NOT ${used}
      RETURNING m.id`.execute(trx);
    return rows.map((r) => r.id);
  });
  const store = uploadStore(kernel);
  for (const id of deleted) await store.remove(id);
  return deleted.length;
}
