import { data, Form, useActionData } from 'react-router';
import { translate } from '../../common/i18n/index.ts';
import type { AuthResult } from '../../server/web/web-api.ts';
import type { WebContext } from '../../server/web/web-context.ts';
import { text } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { Field, FormMessage, SubmitButton } from './form.tsx';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * The action of a page that emails a link (password reset, magic link): checks the address, asks
 * better-auth to send, and answers the same way whether or not an account exists (no enumeration).
 */
export async function emailLinkAction(
  web: WebContext,
  request: Request,
  send: (email: string) => Promise<AuthResult>,
  sentKey: string,
) {
  const t = (key: string) => translate(web.locale, key);
  const email = text(await request.formData(), 'email').trim();
  if (!EMAIL.test(email)) return data({ error: t('validation.invalidEmail'), sent: null }, { status: 422 });
  const result = await send(email);
  if (result.status === 429) return data({ error: t('error.rate_limited'), sent: null }, { status: 429 });
  return { error: null, sent: t(sentKey) };
}

/** The page of such an action: one email field, then a confirmation in place of the form. */
export function EmailLinkPage({ titleKey, submitKey }: { titleKey: string; submitKey: string }) {
  const t = useT();
  const result = useActionData<typeof emailLinkAction>();
  return (
    <section className="narrow">
      <h1>{t(titleKey)}</h1>
      <FormMessage success={result?.sent} />
      {result?.sent ? null : (
        <Form method="post" noValidate>
          <Field
            label={t('auth.field.email')}
            name="email"
            type="email"
            autoComplete="email"
            required
            error={result?.error ?? undefined}
          />
          <SubmitButton>{t(submitKey)}</SubmitButton>
        </Form>
      )}
    </section>
  );
}
