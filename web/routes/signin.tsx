import { data, Form, Link, redirect, useActionData, useSearchParams } from 'react-router';
import { translate } from '../../common/i18n/index.ts';
import { Field, FormMessage, SubmitButton } from '../components/form.tsx';
import { appContext } from '../context.ts';
import { redirectWithCookies, safeRedirect } from '../lib/auth.ts';
import { text } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';
import type { Route } from './+types/signin.ts';

export const meta = titled('auth.signIn.title');

export function loader({ context, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  if (web.viewer) throw redirect(safeRedirect(new URL(request.url).searchParams.get('next')));
  return null;
}

export async function action({ context, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const email = text(form, 'email').trim();
  const password = text(form, 'password');
  const next = safeRedirect(text(form, 'next'));
  const t = (key: string) => translate(web.locale, key);
  const fieldErrors: Record<string, string> = {};
  if (!email) fieldErrors.email = t('validation.required');
  if (!password) fieldErrors.password = t('validation.required');
  if (Object.keys(fieldErrors).length > 0) {
    return data({ fieldErrors, formError: t('error.validation_failed'), email }, { status: 422 });
  }
  const result = await web.api.auth.signIn({ email, password });
  if (result.ok) return redirectWithCookies(next, result.setCookies);
  const code = typeof result.body?.code === 'string' ? result.body.code : '';
  const formError =
    result.status === 429
      ? t('error.rate_limited')
      : code === 'EMAIL_NOT_VERIFIED'
        ? t('auth.signIn.unverified')
        : code.includes('EMAIL') && result.status === 400
          ? t('validation.invalidEmail')
          : t('auth.signIn.invalid');
  return data({ fieldErrors, formError, email }, { status: result.status === 429 ? 429 : 401 });
}

export default function SignIn() {
  const t = useT();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = params.get('reset')
    ? t('auth.reset.done')
    : params.get('setup')
      ? t('auth.setup.done')
      : null;
  return (
    <section className="narrow">
      <h1>{t('auth.signIn.title')}</h1>
      <FormMessage error={result?.formError} success={notice} />
      <Form method="post" noValidate>
        <input type="hidden" name="next" value={params.get('next') ?? '/'} />
        <Field
          label={t('auth.field.email')}
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={result?.email}
          error={result?.fieldErrors.email}
        />
        <Field
          label={t('auth.field.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={result?.fieldErrors.password}
        />
        <SubmitButton>{t('auth.signIn.submit')}</SubmitButton>
      </Form>
      <ul className="links">
        <li>
          <Link to="/forgot-password">{t('auth.signIn.forgot')}</Link>
        </li>
        <li>
          <Link to="/magic-link">{t('auth.signIn.magic')}</Link>
        </li>
        <li>
          {t('auth.signIn.noAccount')} <Link to="/signup">{t('nav.signUp')}</Link>
        </li>
      </ul>
    </section>
  );
}
