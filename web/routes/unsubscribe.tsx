import { Form } from 'react-router';
import { SubmitButton } from '../components/form.tsx';
import { appContext } from '../context.ts';
import { asAppError } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';
import type { Route } from './+types/unsubscribe.ts';

export const meta = titled('notifications.unsubscribe.title');

/** Shows what the link unsubscribes from and asks to confirm: a GET never changes anything. */
export async function loader({ context, params }: Route.LoaderArgs) {
  const web = context.get(appContext);
  try {
    return { valid: true as const, ...(await web.api.checkUnsubscribe(params.token)) };
  } catch (error) {
    if (!asAppError(error)) throw error;
    return { valid: false as const };
  }
}

/**
 * Unsubscribes without sign-in: the confirmation form, and mail clients' RFC 8058 one-click POST
 * (`List-Unsubscribe=One-Click`) land here alike.
 */
export async function action({ context, params }: Route.ActionArgs) {
  const web = context.get(appContext);
  try {
    return { done: true as const, ...(await web.api.unsubscribe(params.token)) };
  } catch (error) {
    if (!asAppError(error)) throw error;
    return { done: false as const };
  }
}

export default function UnsubscribePage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const kind = actionData?.done ? actionData.kind : loaderData.valid ? loaderData.kind : null;
  const label = kind ? t(`notifications.pref.${kind}`) : '';
  return (
    <section>
      <h1>{t('notifications.unsubscribe.title')}</h1>
      {actionData?.done || (loaderData.valid && !loaderData.email) ? (
        <p className="notice notice--success" role="status">
          {t('notifications.unsubscribe.done', { kind: label })}
        </p>
      ) : loaderData.valid && actionData?.done !== false ? (
        <Form method="post">
          <p>{t('notifications.unsubscribe.confirm', { kind: label })}</p>
          <SubmitButton>{t('notifications.unsubscribe.button')}</SubmitButton>
        </Form>
      ) : (
        <p className="notice notice--error" role="alert">
          {t('notifications.unsubscribe.invalid')}
        </p>
      )}
    </section>
  );
}
