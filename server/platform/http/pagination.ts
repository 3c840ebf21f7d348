import { Type } from 'typebox';
import { AppError } from '../errors/app-error.ts';

/** Query parameters of every list: `limit` (1–100, default 20) and an opaque `cursor`. */
export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
};

/** Wraps an item schema as a page: `{ items, nextCursor }`. */
export function Page<T extends ReturnType<typeof Type.Object>>(item: T) {
  return Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
}

/** Encodes the sort key of the last row of a page as an opaque cursor. */
export function encodeCursor(values: string[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The kind of each cursor component, checked when decoding so a crafted cursor never reaches SQL. */
export type CursorPart = 'string' | 'uuid' | 'timestamp';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function partIsValid(value: unknown, kind: CursorPart): boolean {
  if (typeof value !== 'string' || value.length > 300) return false;
  if (kind === 'uuid') return UUID_RE.test(value);
  if (kind === 'timestamp')
    return /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value) && !Number.isNaN(Date.parse(value));
  return true;
}

/**
 * Decodes a cursor made by `encodeCursor`, checking each component against the expected kinds.
 * @throws AppError(bad_request) for a malformed or foreign cursor.
 */
export function decodeCursor(cursor: string | undefined, kinds: CursorPart[]): string[] | null {
  if (!cursor) return null;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(values) &&
      values.length === kinds.length &&
      values.every((v, i) => partIsValid(v, kinds[i]))
    ) {
      return values as string[];
    }
  } catch {
    /* fall through */
  }
  throw new AppError('bad_request', { detail: 'Malformed cursor' });
}

/** Slices `limit + 1` fetched rows into a page and computes the next cursor. */
export function toPage<R, T>(rows: R[], limit: number, present: (row: R) => T, key: (row: R) => string[]) {
  const more = rows.length > limit;
  const slice = more ? rows.slice(0, limit) : rows;
  return {
    items: slice.map(present),
    nextCursor: more && slice.length > 0 ? encodeCursor(key(slice[slice.length - 1])) : null,
  };
}
