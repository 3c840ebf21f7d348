import type { MessageKey, MessageParams } from '../../../common/i18n/index.ts';

/** The closed set of error codes Cercle returns; each maps to one HTTP status. */
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

/** One error code. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** A problem with one field: its JSON path (`/name`) and a message key with parameters. */
export interface FieldError {
  path: string;
  key: MessageKey;
  params?: MessageParams;
}

/**
 * The one error type of Cercle. Commands throw it; the HTTP layer turns it into
 * `application/problem+json` with the message in the caller's language.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldError[];
  readonly messageKey: MessageKey | null;
  /** For `rate_limited`: seconds after which a retry may succeed (sent as `Retry-After`). */
  readonly retryAfter: number | null;

  constructor(
    code: ErrorCode,
    options: { fields?: FieldError[]; messageKey?: MessageKey; detail?: string; retryAfter?: number } = {},
  ) {
    super(options.detail ?? code);
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.fields = options.fields ?? [];
    this.messageKey = options.messageKey ?? null;
    this.retryAfter = options.retryAfter ?? null;
  }

  /** A validation error on one field. */
  static field(path: string, key: MessageKey, params?: MessageParams): AppError {
    return new AppError('validation_failed', { fields: [{ path, key, params }] });
  }
}

/** True for an AppError. */
export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Throws not_found when the value is null or undefined; returns it otherwise. */
export function found<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new AppError('not_found');
  return value;
}

/** True for a PostgreSQL unique-violation error, optionally on one constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === '23505' && (!constraint || e.constraint === constraint);
}
