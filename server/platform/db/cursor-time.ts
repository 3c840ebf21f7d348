import { type RawBuilder, sql } from 'kysely';

/**
 * A timestamp column as text at full (microsecond) precision, for keyset cursors: a JavaScript Date keeps
 * milliseconds only, so a cursor made from it would skip rows that share the millisecond on PostgreSQL.
 * Compare it back as `(col, id) < (${at}::timestamptz, ${id}::uuid)`.
 */
export function cursorTime(column: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(column)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}
