import type { Queryable } from '../../../platform/db/database.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { updateSessionRow } from '../live.repository.ts';
import {
  appendLiveEntry,
  type EntryRow,
  findEntry,
  insertEntry,
  type NewEntry,
  takeSeq,
} from '../live-room.repository.ts';

/**
 * Numbers and stores one room entry inside the caller's transaction (the session's counter row stays
 * locked until it commits). Entries go into a live session only; the moderator's first entry or admission
 * starts a scheduled one. A live session's entry takes one statement (`appendLiveEntry`); the others
 * are checked, started or refused here.
 * @throws AppError(conflict: the session is not running)
 */
export async function appendRoomEntry(
  trx: Queryable,
  session: { id: string; community_id: string },
  values: NewEntry,
  options: { starts?: boolean } = {},
): Promise<EntryRow> {
  const appended = await appendLiveEntry(trx, session, newId(), values);
  if (appended) return appended;
  const { seq, status } = await takeSeq(trx, session.id);
  if (status === 'scheduled' && options.starts) {
    await updateSessionRow(trx, session.id, { status: 'live', started_at: new Date() });
  } else if (status !== 'live') {
    throw new AppError('conflict', { messageKey: 'live.error.notRunning' });
  }
  await insertEntry(trx, {
    ...values,
    id: newId(),
    seq,
    community_id: session.community_id,
    session_id: session.id,
  });
  return (await findEntry(trx, session.id, seq))!;
}
