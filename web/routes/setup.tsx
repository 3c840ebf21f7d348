import { Form, redirect, useActionData, useSearchParams } from 'react-router';
import { Field, FormMessage, SubmitButton } from '../components/form.tsx';
import { appContext } from '../context.ts';
import { attempt, text } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import type { Route } from './+types/setup.ts';
import { titled } from '../lib/meta.ts';

export async function action({ context, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  return attempt(web.locale, async () => {
    await web.api.completeSetup({
      token: text(form, 'token'),
      name: text(form, 'name').trim(),
      email: text(form, 'email').trim(),
      password: text(form, 'password'),
    });
    return redirect('/signin?setup=1');
  });
}

export default function Setup() {
  const t = useT();
  const [params] = useSearchParams();
  const result = useActionData<typeof action>();
  const errors = result && 'fieldErrors' in result ? result : null;
  return (
    <section className="narrow">
      <h1>{t('auth.setup.title')}</h1>
      <p>{t('auth.setup.intro')}</p>
      <FormMessage error={errors?.formError} />
      <Form method="post" noValidate>
        <input type="hidden" name="token" value={params.get('token') ?? ''} />
        <Field
          label={t('auth.field.name')}
          name="name"
          autoComplete="name"
          required
          error={errors?.fieldErrors.name}
        />
        <Field
          label={t('auth.field.email')}
          name="email"
          type="email"
          autoComplete="email"
          required
          error={errors?.fieldErrors.email}
        />
        <Field
          label={t('auth.field.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          help={t('auth.field.passwordHelp')}
          error={errors?.fieldErrors.password}
        />
        <SubmitButton>{t('auth.setup.submit')}</SubmitButton>
      </Form>
    </section>
  );
}

export const meta = titled('auth.setup.title');
