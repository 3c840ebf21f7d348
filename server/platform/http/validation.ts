import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Static, TSchema } from 'typebox';
import type { MessageKey } from '../../../common/i18n/index.ts';
import { AppError, type FieldError } from '../errors/app-error.ts';

const OPTIONS: Options = {
  allErrors: true,
  useDefaults: true,
  removeAdditional: false,
  verbose: true,
  strict: false,
  keywords: ['x-message'],
};

/**
 * The Ajv instance for JSON bodies and command input: types are checked, never coerced (a `0` stays a 0
 * and is refused where 1 is the minimum). Fastify validates bodies with it and commands re-validate their
 * input with it, so the browser and the API answer the same fields with the same messages. `x-message` on
 * a schema names the message key used when a `pattern` or `format` fails.
 */
export const ajv = new Ajv({ ...OPTIONS, coerceTypes: false });
/** The Ajv instance for query strings and path parameters, which arrive as text and are coerced. */
export const ajvCoercing = new Ajv({ ...OPTIONS, coerceTypes: 'array' });
(addFormats as unknown as (a: Ajv) => void)(ajv);
(addFormats as unknown as (a: Ajv) => void)(ajvCoercing);

function fieldError(error: ErrorObject): FieldError {
  const parent = (error.parentSchema ?? {}) as Record<string, unknown>;
  const custom = parent['x-message'] as MessageKey | undefined;
  const path = error.instancePath || '';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path: `${path}/${String(params.missingProperty)}`, key: 'validation.required' };
    case 'additionalProperties':
      return { path: `${path}/${String(params.additionalProperty)}`, key: 'validation.unknownField' };
    case 'minLength':
      return params.limit === 1
        ? { path, key: 'validation.required' }
        : { path, key: custom ?? 'validation.tooShort', params: { limit: Number(params.limit) } };
    case 'maxLength':
      return { path, key: 'validation.tooLong', params: { limit: Number(params.limit) } };
    case 'minimum':
      return { path, key: 'validation.tooSmall', params: { limit: Number(params.limit) } };
    case 'maximum':
      return { path, key: 'validation.tooLarge', params: { limit: Number(params.limit) } };
    case 'format':
      if (custom) return { path, key: custom };
      if (params.format === 'email') return { path, key: 'validation.invalidEmail' };
      if (params.format === 'uri') return { path, key: 'validation.invalidUrl' };
      return { path, key: 'validation.invalidFormat' };
    case 'pattern':
      return { path, key: custom ?? 'validation.invalidFormat' };
    case 'enum':
    case 'const':
    case 'anyOf':
    case 'oneOf':
      return { path, key: custom ?? 'validation.invalidChoice' };
    case 'type':
      return { path, key: params.type === 'integer' ? 'validation.notInteger' : 'validation.invalidType' };
    default:
      return { path, key: custom ?? 'validation.invalidFormat' };
  }
}

/** Turns Ajv errors into one AppError(validation_failed), one field error per path (the first wins). */
export function validationError(errors: readonly ErrorObject[], prefix = ''): AppError {
  const seen = new Set<string>();
  const fields: FieldError[] = [];
  // `anyOf` reports each branch first; keep the summary error for the path instead.
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  // For a union (e.g. an integer ≥ 1 or null), a rule of the branch whose type matched (minimum,
  // format, pattern…) says more than "choose one of the values".
  const branchRule = (path: string) =>
    errors.find(
      (e) =>
        e.instancePath === path &&
        e.schemaPath.includes('anyOf') &&
        !['type', 'anyOf', 'const', 'enum'].includes(e.keyword),
    );
  for (const error of errors) {
    if (error.keyword !== 'anyOf' && anyOfPaths.has(error.instancePath) && error.schemaPath.includes('anyOf'))
      continue;
    const field = fieldError(error.keyword === 'anyOf' ? (branchRule(error.instancePath) ?? error) : error);
    field.path = `${prefix}${field.path}`;
    if (seen.has(field.path)) continue;
    seen.add(field.path);
    fields.push(field);
  }
  return new AppError('validation_failed', { fields });
}

const cache = new WeakMap<TSchema, ValidateFunction>();

/**
 * Validates a value against a schema (types checked, never coerced; defaults filled in).
 * @throws AppError(validation_failed) with one field error per invalid path.
 */
export function validate<S extends TSchema>(schema: S, value: unknown): Static<S> {
  let check = cache.get(schema);
  if (!check) {
    check = ajv.compile(schema);
    cache.set(schema, check);
  }
  if (!check(value)) throw validationError(check.errors ?? []);
  return value as Static<S>;
}
