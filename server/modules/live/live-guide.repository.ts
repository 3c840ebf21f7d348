import type { Queryable } from '../../platform/db/database.ts';
import { isUuid } from '../../platform/db/ids.ts';
import type { LiveGuideItemRow, LiveItemKind, LiveQuestionType } from '../../platform/db/schema-live.ts';

/** A session's guide sections, in order. */
export async function listSections(db: Queryable, sessionId: string) {
  return db
    .selectFrom('live_guide_sections')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('position')
    .execute();
}

/** A session's guide items, in section then item order. */
export async function listItems(db: Queryable, sessionId: string): Promise<LiveGuideItemRow[]> {
  return db
    .selectFrom('live_guide_items as i')
    .innerJoin('live_guide_sections as s', 's.id', 'i.section_id')
    .selectAll('i')
    .where('i.session_id', '=', sessionId)
    .orderBy('s.position')
    .orderBy('i.position')
    .execute();
}

/** One guide item of a session (undefined for an unknown or foreign id). */
export async function findItem(db: Queryable, sessionId: string, itemId: string) {
  if (!isUuid(itemId)) return undefined;
  return db
    .selectFrom('live_guide_items')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('id', '=', itemId)
    .executeTakeFirst();
}

/** Locks one guide item (state changes). */
export async function lockItem(db: Queryable, itemId: string): Promise<LiveGuideItemRow> {
  return db
    .selectFrom('live_guide_items')
    .selectAll()
    .where('id', '=', itemId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** Deletes the sections of a session not in `keep` (their items go with them). */
export async function deleteSectionsExcept(db: Queryable, sessionId: string, keep: string[]): Promise<void> {
  let query = db.deleteFrom('live_guide_sections').where('session_id', '=', sessionId);
  if (keep.length > 0) query = query.where('id', 'not in', keep);
  await query.execute();
}

/** Deletes the items of a session not in `keep`. */
export async function deleteItemsExcept(db: Queryable, sessionId: string, keep: string[]): Promise<void> {
  let query = db.deleteFrom('live_guide_items').where('session_id', '=', sessionId);
  if (keep.length > 0) query = query.where('id', 'not in', keep);
  await query.execute();
}

/** Inserts or updates one section (positions are checked at commit: the constraint is deferred). */
export async function upsertSection(
  db: Queryable,
  values: {
    id: string;
    community_id: string;
    session_id: string;
    position: number;
    title: string;
    planned_minutes: number;
  },
): Promise<void> {
  await db
    .insertInto('live_guide_sections')
    .values(values)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        position: values.position,
        title: values.title,
        planned_minutes: values.planned_minutes,
      }),
    )
    .execute();
}

/** Inserts or updates one queued item; a sent or skipped item keeps its content and only moves. */
export async function upsertItem(
  db: Queryable,
  values: {
    id: string;
    community_id: string;
    session_id: string;
    section_id: string;
    position: number;
    kind: LiveItemKind;
    question_type: LiveQuestionType | null;
    body: string;
    options: string;
    blind: boolean;
    media_id: string | null;
  },
  editable: boolean,
): Promise<void> {
  await db
    .insertInto('live_guide_items')
    .values(values)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet(
        editable
          ? {
              section_id: values.section_id,
              position: values.position,
              kind: values.kind,
              question_type: values.question_type,
              body: values.body,
              options: values.options,
              blind: values.blind,
              media_id: values.media_id,
            }
          : { section_id: values.section_id, position: values.position },
      ),
    )
    .execute();
}

/** Marks an item sent (with the text actually sent) or skipped. */
export async function setItemState(
  db: Queryable,
  itemId: string,
  change: { state: 'sent'; body: string } | { state: 'skipped' },
): Promise<void> {
  await db
    .updateTable('live_guide_items')
    .set(
      change.state === 'sent'
        ? { state: 'sent', body: change.body, sent_at: new Date() }
        : { state: 'skipped' },
    )
    .where('id', '=', itemId)
    .execute();
}

/** Marks a blind question revealed, or sets whether participants see its tally. */
export async function updateItemFlags(
  db: Queryable,
  itemId: string,
  change: { revealed?: true; tallyShown?: boolean },
): Promise<void> {
  await db
    .updateTable('live_guide_items')
    .set({
      ...(change.revealed ? { revealed_at: new Date() } : {}),
      ...(change.tallyShown !== undefined ? { tally_shown: change.tallyShown } : {}),
    })
    .where('id', '=', itemId)
    .execute();
}
