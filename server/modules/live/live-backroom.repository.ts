import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import type { LiveBackroomKind } from '../../platform/db/schema-live.ts';

// The backroom's storage: its numbered entries and the observers' probe suggestions (never read by a
// participant's path).

/** Takes the session's next backroom sequence number (its own counter). */
export async function takeBackroomSeq(db: Queryable, sessionId: string): Promise<number> {
  const row = await db
    .updateTable('live_sessions')
    .set((eb) => ({ backroom_last_seq: eb('backroom_last_seq', '+', 1) }))
    .where('id', '=', sessionId)
    .returning('backroom_last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.backroom_last_seq);
}

/** Stores one backroom entry. */
export async function insertBackroomEntry(
  db: Queryable,
  values: {
    id: string;
    community_id: string;
    session_id: string;
    seq: number;
    kind: LiveBackroomKind;
    author_member_id: string | null;
    body: string;
    suggestion_id: string | null;
  },
): Promise<void> {
  await db.insertInto('live_backroom_messages').values(values).execute();
}

/** Backroom entries after `afterSeq`, in order, with their authors' pseudonyms. */
export async function listBackroom(db: Queryable, sessionId: string, afterSeq: number, limit: number) {
  return db
    .selectFrom('live_backroom_messages as b')
    .leftJoin('memberships as a', 'a.id', 'b.author_member_id')
    .select([
      'b.seq',
      'b.kind',
      'b.body',
      'b.created_at',
      'b.suggestion_id',
      'a.pseudonym as author_pseudonym',
    ])
    .where('b.session_id', '=', sessionId)
    .where('b.seq', '>', afterSeq)
    .orderBy('b.seq')
    .limit(limit)
    .execute();
}

/** Stores a probe suggestion. */
export async function insertSuggestion(
  db: Queryable,
  values: { id: string; community_id: string; session_id: string; author_member_id: string; body: string },
): Promise<void> {
  await db.insertInto('live_probe_suggestions').values(values).execute();
}

/** Locks a pending-or-decided suggestion of a session. */
export async function lockSuggestion(db: Queryable, sessionId: string, suggestionId: string) {
  return db
    .selectFrom('live_probe_suggestions')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('id', '=', suggestionId)
    .forUpdate()
    .executeTakeFirst();
}

/** Records the moderator's decision on a suggestion. */
export async function decideSuggestion(
  db: Queryable,
  suggestionId: string,
  decision:
    | { status: 'approved'; postedBody: string; roomSeq: number; by: string | null }
    | { status: 'rejected'; by: string | null },
): Promise<void> {
  await db
    .updateTable('live_probe_suggestions')
    .set({
      status: decision.status,
      decided_by: decision.by,
      decided_at: sql<Date>`now()`,
      ...(decision.status === 'approved'
        ? { posted_body: decision.postedBody, room_seq: decision.roomSeq }
        : {}),
    })
    .where('id', '=', suggestionId)
    .execute();
}
