import type { Insertable } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import { isUuid } from '../../platform/db/ids.ts';
import type { LiveMediaRow, LiveMediaTable } from '../../platform/db/schema-live.ts';

/** Stores a media file's row. */
export async function insertMedia(db: Queryable, values: Insertable<LiveMediaTable>): Promise<LiveMediaRow> {
  return db.insertInto('live_media').values(values).returningAll().executeTakeFirstOrThrow();
}

/** One media file of a session (undefined for an unknown, malformed or foreign id). */
export async function findMedia(
  db: Queryable,
  sessionId: string,
  mediaId: string,
): Promise<LiveMediaRow | undefined> {
  if (!isUuid(mediaId)) return undefined;
  return db
    .selectFrom('live_media')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('id', '=', mediaId)
    .executeTakeFirst();
}

/** A session's media files, oldest first. */
export async function listMedia(db: Queryable, sessionId: string): Promise<LiveMediaRow[]> {
  return db
    .selectFrom('live_media')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Whether a media file is shown by a stimulus already sent to the room (participants may fetch it). */
export async function isMediaSent(db: Queryable, sessionId: string, mediaId: string): Promise<boolean> {
  const row = await db
    .selectFrom('live_guide_items')
    .select('id')
    .where('session_id', '=', sessionId)
    .where('media_id', '=', mediaId)
    .where('state', '=', 'sent')
    .executeTakeFirst();
  return !!row;
}
