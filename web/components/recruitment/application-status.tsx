import { Form, Link } from 'react-router';
import type { OwnApplicationDto } from '../../../server/modules/recruitment/recruitment.schemas.ts';
import { useT } from '../../lib/i18n.ts';
import { Field, FormMessage } from '../form.tsx';

/** The steps every applicant goes through, in order, with whether each is done. */
function steps(app: OwnApplicationDto) {
  const admitted = ['probation', 'active', 'dormant', 'removed'].includes(app.stage);
  return [
    { key: 'applied', done: true },
    { key: 'qualified', done: !['disqualified', 'over_quota'].includes(app.stage) },
    { key: 'email_confirmed', done: app.emailConfirmed },
    { key: 'phone_validated', done: app.phoneValidated },
    { key: 'probation', done: admitted },
  ] as const;
}

/**
 * Where an application stands, in plain words: the current stage and what it means, the steps done and to
 * come, and the form of the step at hand (the SMS code).
 */
export function ApplicationStatus({
  app,
  errors,
  notice,
}: {
  app: OwnApplicationDto;
  errors: { fieldErrors: Record<string, string>; formError: string | null } | null;
  notice: string | null;
}) {
  const t = useT();
  const expires = app.offerExpiresAt ? new Date(app.offerExpiresAt).toLocaleString() : '';
  return (
    <section aria-labelledby="application-stage">
      <h2 id="application-stage">
        {t('recruitment.apply.yourApplication', { stage: t(`recruitment.stage.${app.stage}`) })}
      </h2>
      <p className="notice" role="status">
        {t(`recruitment.explain.${app.stage}`, { position: app.waitlistPosition ?? 0, date: expires })}
      </p>
      <ol className="steps">
        {steps(app).map((s) => (
          <li key={s.key} className={s.done ? 'steps__done' : undefined}>
            {t(`recruitment.stage.${s.key}`)} —{' '}
            {s.done ? t('recruitment.apply.done') : t('recruitment.apply.toDo')}
          </li>
        ))}
      </ol>
      {app.stage === 'email_confirmed' ? (
        <>
          <Form method="post" noValidate>
            <FormMessage error={errors?.formError} success={notice} />
            <input type="hidden" name="intent" value="code" />
            <Field
              label={t('recruitment.apply.code')}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              error={errors?.fieldErrors.code}
            />
            <button type="submit" className="button">
              {t('recruitment.apply.checkCode')}
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="resend" />
            <button type="submit" className="button button--secondary">
              {t('recruitment.apply.resend')}
            </button>
          </Form>
        </>
      ) : null}
      {['probation', 'active'].includes(app.stage) ? (
        <p>
          <Link className="button" to={`/c/${app.communitySlug}`}>
            {t('recruitment.apply.goToCommunity', { community: app.communityName })}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
