import { useEffect, useRef, useState } from 'react';
import { Form, Link, redirect, useActionData, useFetcher, useSearchParams } from 'react-router';
import { translate } from '../../common/i18n/index.ts';
import { Field, FormMessage, SubmitButton } from '../components/form.tsx';
import { appContext } from '../context.ts';
import { attempt, guard, text } from '../lib/errors.ts';
import { useT, useViewer } from '../lib/i18n.ts';
import type { Route } from './+types/community-join.ts';
import { useCommunity } from './community.tsx';

export const meta: Route.MetaFunction = ({ matches }) => {
  const community = matches.find((m) => m?.id === 'routes/community')?.loaderData as
    { name?: string } | undefined;
  const locale = (matches[0]?.loaderData as { locale?: 'fr' | 'en' } | undefined)?.locale ?? 'fr';
  return [{ title: `${translate(locale, 'join.title', { name: community?.name ?? '' })} · Cercle` }];
};

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  const code = new URL(request.url).searchParams.get('code') ?? undefined;
  const community = await guard(web.locale, () => web.api.getCommunity(params.slug, code));
  if (community.viewerMembership) throw redirect(`/c/${community.slug}`);
  return null;
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const code = text(form, 'invitationCode').trim();
  return attempt(web.locale, async () => {
    await web.api.joinCommunity(params.slug, {
      pseudonym: text(form, 'pseudonym').trim(),
      ...(code ? { invitationCode: code } : {}),
    });
    return redirect(`/c/${params.slug}`);
  });
}

function usePseudonymCheck(slug: string, code: string | null) {
  const fetcher = useFetcher<{ valid: boolean; available: boolean; pseudonym: string }>();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [value, setValue] = useState('');
  useEffect(() => {
    if (timer.current) clearTimeout(timer.current);
    if (value.trim().length < 3) return;
    timer.current = setTimeout(() => {
      void fetcher.load(
        `/c/${slug}/pseudonym-check?pseudonym=${encodeURIComponent(value.trim())}${code ? `&code=${encodeURIComponent(code)}` : ''}`,
      );
    }, 300);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [value, slug, code]);
  const current = fetcher.data && fetcher.data.pseudonym === value.trim() ? fetcher.data : null;
  return {
    setValue,
    status: current ? (current.valid && current.available ? 'available' : 'taken') : null,
    valid: current?.valid,
  };
}

export default function Join() {
  const t = useT();
  const viewer = useViewer();
  const community = useCommunity();
  const [params] = useSearchParams();
  const result = useActionData<typeof action>();
  const errors = result && 'fieldErrors' in result ? result : null;
  const check = usePseudonymCheck(community.slug, params.get('code'));
  const next = `/c/${community.slug}/join${params.get('code') ? `?code=${encodeURIComponent(params.get('code')!)}` : ''}`;
  if (!viewer) {
    return (
      <section className="narrow">
        <h1>{t('join.title', { name: community.name })}</h1>
        <p>{t('join.signInFirst')}</p>
        <p className="actions">
          <Link className="button" to={`/signin?next=${encodeURIComponent(next)}`}>
            {t('nav.signIn')}
          </Link>
          <Link to={`/signup?next=${encodeURIComponent(next)}`}>{t('nav.signUp')}</Link>
        </p>
      </section>
    );
  }
  const liveMessage =
    check.status === 'available'
      ? t('join.available')
      : check.status === 'taken'
        ? check.valid
          ? t('join.taken')
          : t('validation.pseudonymFormat')
        : '';
  return (
    <section className="narrow">
      <h1>{t('join.title', { name: community.name })}</h1>
      <p>{t('join.intro')}</p>
      <FormMessage error={errors?.formError} />
      <Form method="post" noValidate>
        <Field
          label={t('join.field.pseudonym')}
          name="pseudonym"
          required
          minLength={3}
          maxLength={30}
          autoComplete="nickname"
          help={t('join.field.pseudonymHelp')}
          error={errors?.fieldErrors.pseudonym}
          onChange={(event) => check.setValue(event.currentTarget.value)}
        />
        <p className={`live-check live-check--${check.status ?? 'idle'}`} aria-live="polite">
          {liveMessage}
        </p>
        {community.joinPolicy !== 'invitation' && params.get('code') ? (
          <input type="hidden" name="invitationCode" value={params.get('code') ?? ''} />
        ) : null}
        {community.joinPolicy === 'invitation' ? (
          <Field
            label={t('join.field.code')}
            name="invitationCode"
            required
            defaultValue={params.get('code') ?? ''}
            error={errors?.fieldErrors.invitationCode}
          />
        ) : null}
        <SubmitButton>{t('join.submit')}</SubmitButton>
      </Form>
    </section>
  );
}
