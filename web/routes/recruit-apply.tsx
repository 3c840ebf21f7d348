import { useEffect, useState } from 'react';
import { data, Form, Link, redirect, useActionData } from 'react-router';
import { conditionHolds } from '../../common/research/answer-conditions.ts';
import { Field, FormMessage } from '../components/form.tsx';
import { ApplicationStatus } from '../components/recruitment/application-status.tsx';
import { QuestionField } from '../components/research/question-input.tsx';
import { appContext } from '../context.ts';
import { asAppError, attempt, guard, text } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { answersFromForm, answersOf } from '../lib/survey-form.ts';
import type { Route } from './+types/recruit-apply.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  const campaign = await guard(web.locale, () => web.api.getPublicCampaign(params.token));
  let own = null;
  if (web.viewer) {
    try {
      own = await web.api.getOwnApplication(params.token);
    } catch (error) {
      if (asAppError(error)?.code !== 'not_found') throw error;
    }
  }
  const url = new URL(request.url);
  return {
    campaign,
    own,
    signedIn: !!web.viewer,
    invitation: url.searchParams.get('invitation') ?? '',
    here: url.pathname + url.search,
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData ? `${loaderData.campaign.communityName} · Cercle` : 'Cercle' },
  { name: 'robots', content: 'noindex' },
];

/**
 * Applies (`intent=apply`), shows the form again with the questions its answers show (`refresh`, the
 * display logic without JavaScript), enters the SMS code (`code`) or asks for a new one (`resend`).
 */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const intent = text(form, 'intent');
  if (intent === 'code') {
    return attempt(web.locale, async () => {
      await web.api.verifyPhone(params.token, { code: text(form, 'code').trim() });
      return { done: 'code' as const };
    });
  }
  if (intent === 'resend') {
    return attempt(web.locale, async () => {
      await web.api.sendPhoneCode(params.token);
      return { done: 'resend' as const };
    });
  }
  const campaign = await guard(web.locale, () => web.api.getPublicCampaign(params.token));
  // Without JavaScript: the form back as typed, with the questions its answers now show.
  if (intent === 'refresh') {
    const typed = answersOf(
      campaign.screener.pages.flatMap((p) => p.questions),
      form,
    );
    return { refreshed: true, answers: typed, typed: Object.fromEntries(form) };
  }
  const answers: Record<string, unknown> = {};
  for (const page of campaign.screener.pages)
    Object.assign(answers, await answersFromForm(web.api, campaign.communitySlug, page, form));
  for (const [id, value] of Object.entries(answers)) if (value === undefined) delete answers[id];
  const invitation = text(form, 'invitation');
  const result = await attempt(
    web.locale,
    async () => {
      await web.api.applyToCommunity(params.token, {
        answers,
        phone: text(form, 'phone'),
        pseudonym: text(form, 'pseudonym'),
        consents: form.getAll('consent').filter((c) => typeof c === 'string'),
        ...(invitation ? { invitation } : {}),
      });
      return { done: 'apply' as const };
    },
    (path) => /^\/answers\/([^/]+)/.exec(path)?.[1] ?? path.replace(/^\//, '').split('/')[0],
  );
  if ('done' in result) return redirect(`/recruit/${params.token}`);
  return data({ ...result.data, answers, typed: Object.fromEntries(form) }, result.init ?? undefined);
}

/**
 * A campaign's public application page: the screener, the phone number, a pseudonym and the consents;
 * once applied, where the application stands in plain words and the step at hand. Display logic ("show
 * if") is live: a question appears or goes as the answers it depends on change (a hidden question is
 * disabled, so nothing of it is sent). Without JavaScript the page shows the questions the answers given so
 * far show, and a button to show those that follow from new answers.
 */
export default function RecruitApply({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { campaign, own, signedIn, invitation, here } = loaderData;
  const result = useActionData<typeof action>() as
    | {
        fieldErrors?: Record<string, string>;
        formError?: string | null;
        done?: string;
        typed?: Record<string, string>;
        answers?: Record<string, unknown>;
      }
    | undefined;
  const errors = result?.fieldErrors
    ? { fieldErrors: result.fieldErrors, formError: result.formError ?? null }
    : null;
  const typed = result?.typed ?? {};
  const given = result?.answers;
  const questions = campaign.screener.pages.flatMap((p) => p.questions);
  const [live, setLive] = useState<Record<string, unknown>>(given ?? {});
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  useEffect(() => setLive(given ?? {}), [given]);
  const shown = (q: (typeof questions)[number]) => !q.showIf || conditionHolds(q.showIf, live);
  const next = encodeURIComponent(here);
  return (
    <article className="recruit">
      <h1>{t('recruitment.apply.title', { community: campaign.communityName })}</h1>
      <p className="lead">{campaign.name}</p>
      {own ? (
        <ApplicationStatus
          app={own}
          errors={errors}
          notice={result?.done === 'resend' ? t('recruitment.apply.codeSent') : null}
        />
      ) : !campaign.open ? (
        <p className="empty">{t('recruitment.error.closed')}</p>
      ) : !signedIn ? (
        <p>
          {t('recruitment.apply.signInFirst')}{' '}
          <Link className="button" to={`/signup?next=${next}`}>
            {t('nav.signUp')}
          </Link>{' '}
          <Link to={`/signin?next=${next}`}>{t('nav.signIn')}</Link>
        </p>
      ) : (
        <Form
          method="post"
          noValidate
          onChange={(event) => setLive(answersOf(questions, new FormData(event.currentTarget)))}
        >
          <FormMessage error={errors?.formError} />
          {invitation ? <input type="hidden" name="invitation" value={invitation} /> : null}
          {campaign.screener.pages.map((page) => (
            <fieldset key={page.id} className="recruit__page">
              {page.title ? <legend>{page.title}</legend> : null}
              {page.questions.map((q) => (
                <fieldset
                  key={q.id}
                  className="recruit__question"
                  hidden={!shown(q)}
                  disabled={!shown(q)}
                  data-question={q.id}
                >
                  <QuestionField
                    question={q}
                    value={given?.[q.id]}
                    error={errors?.fieldErrors[q.id]}
                    community={campaign.communityName}
                  />
                </fieldset>
              ))}
            </fieldset>
          ))}
          {!scripted && questions.some((q) => q.showIf) ? (
            <p className="actions">
              <button type="submit" name="intent" value="refresh" className="button button--secondary">
                {t('recruitment.apply.refresh')}
              </button>
            </p>
          ) : null}
          <Field
            label={t('recruitment.apply.phone')}
            name="phone"
            type="tel"
            autoComplete="tel"
            required
            defaultValue={typed.phone}
            help={t('recruitment.apply.phoneHelp')}
            error={errors?.fieldErrors.phone}
          />
          <Field
            label={t('recruitment.apply.pseudonym')}
            name="pseudonym"
            required
            maxLength={30}
            defaultValue={typed.pseudonym}
            help={t('recruitment.apply.pseudonymHelp')}
            error={errors?.fieldErrors.pseudonym}
          />
          <fieldset className={errors?.fieldErrors.consents ? 'field field--error' : 'field'}>
            <legend>{t('recruitment.apply.consents')}</legend>
            {campaign.consent.texts.map((c) => (
              <p key={c.purpose}>
                <label>
                  <input
                    type="checkbox"
                    name="consent"
                    value={c.purpose}
                    defaultChecked={c.purpose === 'participation'}
                  />{' '}
                  <strong>{t(`recruitment.purpose.${c.purpose}`)}</strong>
                  {c.purpose === 'participation' ? ` (${t('research.survey.required')})` : ''} — {c.text}
                </label>
              </p>
            ))}
            {errors?.fieldErrors.consents ? (
              <p className="field__error">{errors.fieldErrors.consents}</p>
            ) : null}
          </fieldset>
          <button type="submit" className="button" name="intent" value="apply">
            {t('recruitment.apply.submit')}
          </button>
        </Form>
      )}
    </article>
  );
}
