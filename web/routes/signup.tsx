import { data, Form, Link, redirect, useActionData } from 'react-router';
import { translate } from '../../common/i18n/index.ts';
import {
  Field,
  FormMessage,
  NewPasswordFields,
  SubmitButton,
  checkNewPassword,
} from '../components/form.tsx';
import { appContext } from '../context.ts';
import { safeRedirect } from '../lib/auth.ts';
import { text } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';
import type { Route } from './+types/signup.ts';

export const meta = titled('auth.signUp.title');

export function loader({ context }: Route.LoaderArgs) {
  if (context.get(appContext).viewer) throw redirect('/');
  return null;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export async function action({ context, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const t = (key: string, params?: Record<string, string | number>) => translate(web.locale, key, params);
  const form = await request.formData();
  const name = text(form, 'name').trim();
  const email = text(form, 'email').trim().toLowerCase();
  const password = text(form, 'password');
  const confirm = text(form, 'passwordConfirm');
  const fieldErrors: Record<string, string> = {};
  if (!name) fieldErrors.name = t('validation.required');
  else if (name.length > 100) fieldErrors.name = t('validation.tooLong', { limit: 100 });
  if (!email) fieldErrors.email = t('validation.required');
  else if (!EMAIL.test(email)) fieldErrors.email = t('validation.invalidEmail');
  for (const [field, [key, params]] of Object.entries(checkNewPassword(password, confirm))) {
    fieldErrors[field] = t(key, params);
  }
  const values = { name, email };
  if (Object.keys(fieldErrors).length > 0) {
    return data(
      { fieldErrors, formError: t('error.validation_failed'), values, sent: null },
      { status: 422 },
    );
  }
  const next = safeRedirect(new URL(request.url).searchParams.get('next'));
  const result = await web.api.auth.signUp({ name, email, password }, next);
  if (result.status === 429) {
    return data({ fieldErrors, formError: t('error.rate_limited'), values, sent: null }, { status: 429 });
  }
  // Same answer whether the address was new or not: no account enumeration.
  return {
    fieldErrors: {} as Record<string, string>,
    formError: null,
    values,
    sent: t('auth.signUp.sent', { email }),
  };
}

export default function SignUp() {
  const t = useT();
  const result = useActionData<typeof action>();
  if (result?.sent) {
    return (
      <section className="narrow">
        <h1>{t('auth.signUp.title')}</h1>
        <FormMessage success={result.sent} />
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t('auth.signUp.title')}</h1>
      <FormMessage error={result?.formError} />
      <Form method="post" noValidate>
        <Field
          label={t('auth.field.name')}
          name="name"
          autoComplete="name"
          required
          maxLength={100}
          help={t('auth.field.nameHelp')}
          defaultValue={result?.values.name}
          error={result?.fieldErrors.name}
        />
        <Field
          label={t('auth.field.email')}
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={result?.values.email}
          error={result?.fieldErrors.email}
        />
        <NewPasswordFields errors={result?.fieldErrors} />
        <SubmitButton>{t('auth.signUp.submit')}</SubmitButton>
      </Form>
      <p>
        {t('auth.signUp.haveAccount')} <Link to="/signin">{t('nav.signIn')}</Link>
      </p>
    </section>
  );
}
