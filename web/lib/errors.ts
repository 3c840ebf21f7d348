import { data } from 'react-router';
import { type Locale, translate } from '../../common/i18n/index.ts';

/** The shape of a Cercle AppError, recognised structurally (the server's class is not bundled here). */
export interface AppErrorLike {
  code: string;
  status: number;
  messageKey: string | null;
  fields: { path: string; key: string; params?: Record<string, string | number> }[];
}

/** The error as a Cercle AppError, or null when it is another kind of error. */
export function asAppError(error: unknown): AppErrorLike | null {
  const e = error as Partial<AppErrorLike> | null;
  return e && typeof e.code === 'string' && typeof e.status === 'number' && Array.isArray(e.fields)
    ? (e as AppErrorLike)
    : null;
}

/** What an action returns when it refuses input: per-field messages and a form-level message. */
export interface ActionErrors {
  fieldErrors: Record<string, string>;
  formError: string | null;
}

/**
 * Runs a loader's work; an AppError becomes an error response with its status and a localized message
 * (rendered by the nearest ErrorBoundary). Other errors propagate (500).
 */
export async function guard<T>(locale: Locale, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const appError = asAppError(error);
    if (!appError) throw error;
    throw data(
      { code: appError.code, message: translate(locale, appError.messageKey ?? `error.${appError.code}`) },
      { status: appError.status },
    );
  }
}

/**
 * Runs an action's work; an AppError becomes `{ fieldErrors, formError }` with its status, so the form is
 * shown again with the user's input and messages in their language. Other errors propagate.
 */
export async function attempt<T>(
  locale: Locale,
  work: () => Promise<T>,
  fieldName: (path: string) => string = topLevelField,
): Promise<T | ReturnType<typeof data<ActionErrors>>> {
  try {
    return await work();
  } catch (error) {
    const appError = asAppError(error);
    if (!appError) throw error;
    return data<ActionErrors>(actionErrors(locale, appError, fieldName), { status: appError.status });
  }
}

/** The form field of a JSON path: its first segment. */
const topLevelField = (path: string) => path.replace(/^\//, '').split('/')[0] ?? '';

/** An AppError as a form shows it: the first message per top-level field, and a form-level message. */
export function actionErrors(
  locale: Locale,
  appError: AppErrorLike,
  fieldName: (path: string) => string = topLevelField,
): ActionErrors {
  const fieldErrors: Record<string, string> = {};
  for (const field of appError.fields) {
    const name = fieldName(field.path);
    fieldErrors[name] ??= translate(locale, field.key, field.params);
  }
  return { fieldErrors, formError: translate(locale, appError.messageKey ?? `error.${appError.code}`) };
}

/** Reads a text field from form data ('' when absent). */
export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** Builds a `data()` refusal for one field (client-side rules such as password confirmation). */
export function fieldRefusal(locale: Locale, field: string, key: string) {
  return data<ActionErrors>(
    {
      fieldErrors: { [field]: translate(locale, key) },
      formError: translate(locale, 'error.validation_failed'),
    },
    { status: 422 },
  );
}

/**
 * Adds fields (what the user typed, a counter...) to an `attempt` outcome: to the refusal's data, keeping
 * its status, or to the success value. So a refused form is shown again as it was typed.
 */
export function withExtra<T extends object, E extends object>(
  result: T | ReturnType<typeof data<ActionErrors>>,
  extra: E,
) {
  const refusal = result as { type?: string; data?: ActionErrors; init?: ResponseInit | null };
  if (refusal.type === 'DataWithResponseInit' && refusal.data)
    return data<ActionErrors & E>({ ...refusal.data, ...extra }, refusal.init ?? undefined);
  return { ...(result as T), ...extra };
}
