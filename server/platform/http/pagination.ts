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
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * Decodes a cursor made by `encodeCursor` with the expected arity.
 * @throws AppError(bad_request) for a malformed or foreign cursor.
 */
export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((v) => ['string', 'number'].includes(typeof v))
    ) {
      return values as (string | number)[];
    }
  } catch {
    /* fall through */
  }
  throw new AppError('bad_request', { detail: 'Malformed cursor' });
}

/** Slices `limit + 1` fetched rows into a page and computes the next cursor. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  present: (row: R) => T,
  key: (row: R) => (string | number)[],
) {
  const more = rows.length > limit;
  const slice = more ? rows.slice(0, limit) : rows;
  return {
    items: slice.map(present),
    nextCursor: more && slice.length > 0 ? encodeCursor(key(slice[slice.length - 1]!)) : null,
  };
}
