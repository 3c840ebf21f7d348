import { data } from 'react-router';
import { type Locale, translate } from '../../../common/i18n/index.ts';
import { asAppError, text } from '../../lib/errors.ts';

/** A refused form whose fields are lists (rules, ranks): messages keyed by the full JSON path. */
export interface PathErrors {
  intent: string;
  pathErrors: Record<string, string>;
  formError: string;
}

/**
 * Runs an action's work; an AppError becomes `{ intent, pathErrors, formError }` with its status, so each
 * row of a list form shows its own message (`/ranks/2/minPoints`). Other errors propagate.
 */
export async function attemptWithPaths<T>(locale: Locale, intent: string, work: () => Promise<T>) {
  try {
    return await work();
  } catch (error) {
    const appError = asAppError(error);
    if (!appError) throw error;
    const pathErrors: Record<string, string> = {};
    for (const field of appError.fields)
      pathErrors[field.path] ??= translate(locale, field.key, field.params);
    const formError = translate(locale, appError.messageKey ?? `error.${appError.code}`);
    return data<PathErrors>({ intent, pathErrors, formError }, { status: appError.status });
  }
}

/** A whole number from a form field, or the text itself when it is not one (the server then refuses it). */
export function numberField(form: FormData, name: string): number | string {
  const value = text(form, name).trim();
  return /^-?\d+$/.test(value) ? Number(value) : value;
}
