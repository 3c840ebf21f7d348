import { data, Form, useActionData } from 'react-router';
import { translate } from '../../common/i18n/index.ts';
import { Field, FormMessage, SubmitButton } from '../components/form.tsx';
import { appContext } from '../context.ts';
import { text } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import type { Route } from './+types/forgot-password.ts';
import { titled } from '../lib/meta.ts';

export async function action({ context, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const t = (key: string) => translate(web.locale, key);
  const email = text(await request.formData(), 'email').trim();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    return data({ error: t('validation.invalidEmail'), sent: null }, { status: 422 });
  }
  const result = await web.api.auth.requestPasswordReset(email);
  if (result.status === 429) return data({ error: t('error.rate_limited'), sent: null }, { status: 429 });
  return { error: null, sent: t('auth.forgot.sent') };
}

export default function ForgotPassword() {
  const t = useT();
  const result = useActionData<typeof action>();
  return (
    <section className="narrow">
      <h1>{t('auth.forgot.title')}</h1>
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
          <SubmitButton>{t('auth.forgot.submit')}</SubmitButton>
        </Form>
      )}
    </section>
  );
}

export const meta = titled('auth.forgot.title');
