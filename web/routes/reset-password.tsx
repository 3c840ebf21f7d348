import { data, Form, Link, redirect, useActionData, useSearchParams } from 'react-router';
import { translate } from '../../common/i18n/index.ts';
import { FormMessage, NewPasswordFields, SubmitButton, checkNewPassword } from '../components/form.tsx';
import { appContext } from '../context.ts';
import { text } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import type { Route } from './+types/reset-password.ts';
import { titled } from '../lib/meta.ts';

export async function action({ context, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const t = (key: string, params?: Record<string, number>) => translate(web.locale, key, params);
  const form = await request.formData();
  const token = text(form, 'token');
  const password = text(form, 'password');
  const fieldErrors: Record<string, string> = {};
  for (const [field, [key, params]] of Object.entries(
    checkNewPassword(password, text(form, 'passwordConfirm')),
  )) {
    fieldErrors[field] = t(key, params);
  }
  if (Object.keys(fieldErrors).length > 0)
    return data({ fieldErrors, formError: t('error.validation_failed') }, { status: 422 });
  const result = await web.api.auth.resetPassword(token, password);
  if (!result.ok)
    return data(
      { fieldErrors, formError: t(result.status === 429 ? 'error.rate_limited' : 'error.gone') },
      { status: result.status },
    );
  return redirect('/signin?reset=1');
}

export default function ResetPassword() {
  const t = useT();
  const [params] = useSearchParams();
  const result = useActionData<typeof action>();
  const token = params.get('token');
  const invalid = !token || params.get('error');
  return (
    <section className="narrow">
      <h1>{t('auth.reset.title')}</h1>
      {invalid ? (
        <>
          <FormMessage error={t('error.gone')} />
          <p>
            <Link to="/forgot-password">{t('auth.forgot.submit')}</Link>
          </p>
        </>
      ) : (
        <>
          <FormMessage error={result?.formError} />
          <Form method="post" noValidate>
            <input type="hidden" name="token" value={token} />
            <NewPasswordFields errors={result?.fieldErrors} />
            <SubmitButton>{t('auth.reset.submit')}</SubmitButton>
          </Form>
        </>
      )}
    </section>
  );
}

export const meta = titled('auth.reset.title');
