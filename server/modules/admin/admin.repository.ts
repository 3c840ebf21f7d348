import type { Queryable } from '../../platform/db/database.ts';

/** A page of the email outbox, newest first, optionally for one recipient. */
export async function listMailRows(
  db: Queryable,
  filter: { to?: string; before: string | null; limit: number },
) {
  let query = db.selectFrom('mail_messages').selectAll();
  if (filter.to)
    query = query.where((eb) => eb(eb.fn('lower', ['to_address']), '=', filter.to!.trim().toLowerCase()));
  if (filter.before) query = query.where('id', '<', filter.before);
  return query
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
}
