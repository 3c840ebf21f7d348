import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { type Locale, translate } from '../../../common/i18n/index.ts';
import { AppError, type ErrorCode } from '../errors/app-error.ts';
import { validationError } from './validation.ts';

/** The problem+json body every error response carries (RFC 9457), with a stable `code`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  instance: string;
  requestId: string;
  errors?: { path: string; code: string; message: string }[];
}

/** Maps any thrown value to an AppError; unknown errors become `internal` (and never leak their text). */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as FastifyError & { validationContext?: string };
  if (e?.validation) {
    const prefix = e.validationContext && e.validationContext !== 'body' ? `/${e.validationContext}` : '';
    return validationError(e.validation as never, prefix);
  }
  switch (e?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('bad_request');
  }
  if (e?.statusCode === 429) return new AppError('rate_limited');
  if (e?.statusCode === 404) return new AppError('not_found');
  if (e instanceof SyntaxError || e?.statusCode === 400) return new AppError('bad_request');
  if (e?.statusCode === 413) return new AppError('payload_too_large');
  if (e?.statusCode === 415) return new AppError('unsupported_media_type');
  return new AppError('internal');
}

/** Builds the problem body in a locale. */
export function problemOf(error: AppError, locale: Locale, instance: string, requestId: string): Problem {
  const problem: Problem = {
    type: `https://cercle.dev/problems/${error.code}`,
    title: translate(locale, `error.${error.code}`),
    status: error.status,
    code: error.code,
    detail: translate(locale, error.messageKey ?? `error.${error.code}`),
    instance,
    requestId,
  };
  if (error.fields.length > 0) {
    problem.errors = error.fields.map((f) => ({
      path: f.path,
      code: f.key,
      message: translate(locale, f.key, f.params),
    }));
  }
  return problem;
}

/** Fastify error handler: logs server faults, answers `application/problem+json` in the caller's language. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const appError = toAppError(error);
  if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.debug({ code: appError.code }, 'request refused');
  if (appError.retryAfter !== null) void reply.header('retry-after', String(appError.retryAfter));
  void reply
    .status(appError.status)
    .type('application/problem+json; charset=utf-8')
    .send(problemOf(appError, request.locale ?? 'en', request.url.split('?')[0] ?? '/', request.id));
}
