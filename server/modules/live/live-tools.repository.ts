import { sql } from 'kysely';
import type { Insertable } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import type { LiveCodeTable, LiveExcerptTable } from '../../platform/db/schema-live-tools.ts';
import { isUuid } from '../../platform/db/ids.ts';

/** Probes of a community's library, newest first: words in the text or a tag narrow them (at most `limit`). */
export async function listProbeRows(
  db: Queryable,
  communityId: string,
  filter: { q?: string; tag?: string; limit: number },
) {
  let query = db.selectFrom('live_probes').selectAll().where('community_id', '=', communityId);
  const words = (filter.q ?? '').trim().split(/\s+/).filter(Boolean);
  for (const word of words) {
    const like = `%${word.replace(/[\\%_]/g, '\\$&')}%`;
    query = query.where((eb) =>
      eb.or([eb('body', 'ilike', like), eb(sql<string>`tags::text`, 'ilike', like)]),
    );
  }
  if (filter.tag) query = query.where(sql<boolean>`tags @> ${JSON.stringify([filter.tag])}::jsonb`);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

/** One probe of a community's library (undefined for an unknown or foreign id). */
export async function findProbe(db: Queryable, communityId: string, probeId: string) {
  if (!isUuid(probeId)) return undefined;
  return db
    .selectFrom('live_probes')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', probeId)
    .executeTakeFirst();
}

/** Adds a probe to a community's library. */
export async function insertProbe(
  db: Queryable,
  values: { id: string; community_id: string; body: string; tags: string[]; created_by: string | null },
) {
  return db
    .insertInto('live_probes')
    .values({ ...values, tags: JSON.stringify(values.tags) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Changes a library probe's text or tags. */
export async function updateProbe(
  db: Queryable,
  probeId: string,
  change: { body?: string; tags?: string[] },
) {
  return db
    .updateTable('live_probes')
    .set({
      ...(change.body !== undefined ? { body: change.body } : {}),
      ...(change.tags !== undefined ? { tags: JSON.stringify(change.tags) } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', probeId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Removes a probe from the library (guides that used it keep their copy). */
export async function deleteProbe(db: Queryable, probeId: string): Promise<void> {
  await db.deleteFrom('live_probes').where('id', '=', probeId).execute();
}

/** A session's codebook, by name. */
export async function listCodeRows(db: Queryable, sessionId: string) {
  return db
    .selectFrom('live_codes')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('name')
    .execute();
}

/** One code of a session (undefined for an unknown or foreign id). */
export async function findCode(db: Queryable, sessionId: string, codeId: string) {
  if (!isUuid(codeId)) return undefined;
  return db
    .selectFrom('live_codes')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('id', '=', codeId)
    .executeTakeFirst();
}

/** Adds a code to a session's codebook (`live_codes_session_name_key` when the name is taken). */
export async function insertCode(db: Queryable, values: Insertable<LiveCodeTable>) {
  return db.insertInto('live_codes').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Renames or recolours a code (`live_codes_session_name_key` when the new name is taken). */
export async function updateCode(db: Queryable, codeId: string, change: { name?: string; colour?: string }) {
  return db
    .updateTable('live_codes')
    .set(change)
    .where('id', '=', codeId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** How many excerpts a code tags. */
export async function countCodeExcerpts(db: Queryable, codeId: string): Promise<number> {
  const { n } = await db
    .selectFrom('live_excerpts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('code_id', '=', codeId)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Removes a code; its excerpts go with it (the foreign key cascades). */
export async function deleteCode(db: Queryable, codeId: string): Promise<void> {
  await db.deleteFrom('live_codes').where('id', '=', codeId).execute();
}

/**
 * Copies the codes (name and colour) of one session into another of the same community; names already in
 * the target codebook are left as they are. Returns the ids of the codes added.
 */
export async function copyCodes(
  db: Queryable,
  from: { sessionId: string },
  to: { sessionId: string; communityId: string; createdBy: string | null },
  newIdOf: () => string,
): Promise<string[]> {
  const source = await db
    .selectFrom('live_codes')
    .select(['name', 'colour'])
    .where('session_id', '=', from.sessionId)
    .where('community_id', '=', to.communityId)
    .orderBy('name')
    .execute();
  if (source.length === 0) return [];
  const rows = await db
    .insertInto('live_codes')
    .values(
      source.map((c) => ({
        id: newIdOf(),
        community_id: to.communityId,
        session_id: to.sessionId,
        name: c.name,
        colour: c.colour,
        created_by: to.createdBy,
      })),
    )
    .onConflict((oc) => oc.constraint('live_codes_session_name_key').doNothing())
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** A session's excerpts in room order, with the message's sequence number and author. */
export async function listExcerptRows(db: Queryable, sessionId: string) {
  return db
    .selectFrom('live_excerpts as x')
    .innerJoin('live_messages as e', 'e.id', 'x.message_id')
    .leftJoin('memberships as a', 'a.id', 'e.author_member_id')
    .select([
      'x.id',
      'x.code_id',
      'x.span_start',
      'x.span_end',
      'x.quote',
      'e.seq',
      'e.author_role',
      'a.pseudonym as author_pseudonym',
    ])
    .where('x.session_id', '=', sessionId)
    .orderBy('e.seq')
    .orderBy(sql`coalesce(x.span_start, -1)`)
    .orderBy('x.id')
    .execute();
}

/** A stored excerpt with its message's number and author. */
export type ExcerptRow = Awaited<ReturnType<typeof listExcerptRows>>[number];

/** A room message that can be coded (text written by someone), by its sequence number. */
export async function findCodableMessage(db: Queryable, sessionId: string, seq: number) {
  return db
    .selectFrom('live_messages')
    .select(['id', 'seq', 'kind', 'body'])
    .where('session_id', '=', sessionId)
    .where('seq', '=', seq)
    .where('kind', 'in', ['message', 'answer', 'private'])
    .where('body', 'is not', null)
    .executeTakeFirst();
}

/** Tags a message or a span with a code; undefined when that exact excerpt already has this code. */
export async function insertExcerpt(db: Queryable, values: Insertable<LiveExcerptTable>) {
  return db
    .insertInto('live_excerpts')
    .values(values)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
}

/** One excerpt of a session (undefined for an unknown or foreign id). */
export async function findExcerpt(db: Queryable, sessionId: string, excerptId: string) {
  if (!isUuid(excerptId)) return undefined;
  return db
    .selectFrom('live_excerpts')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('id', '=', excerptId)
    .executeTakeFirst();
}

/** Removes one excerpt. */
export async function deleteExcerpt(db: Queryable, excerptId: string): Promise<void> {
  await db.deleteFrom('live_excerpts').where('id', '=', excerptId).execute();
}
