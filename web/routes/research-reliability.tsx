import { Form, Link, useActionData } from 'react-router';
import { LocalTime } from '../components/bits.tsx';
import { Field, FormMessage, SubmitButton } from '../components/form.tsx';
import { appContext } from '../context.ts';
import { attempt, guard, text } from '../lib/errors.ts';
import { useLocale, useT } from '../lib/i18n.ts';
import { numberField } from '../components/points/path-errors.ts';
import type { Route } from './+types/research-reliability.ts';
import { useCommunity } from './community.tsx';

export async function loader({ context, params }: Route.LoaderArgs) {
  const web = context.get(appContext);
  return guard(web.locale, () => web.api.getReliability(params.slug, params.memberId));
}

export const meta: Route.MetaFunction = ({ loaderData: data }) =>
  data ? [{ title: `${data.pseudonym} · Cercle` }] : [];

/** Rates the member's participation (1–5, with a note). */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  return attempt(web.locale, async () => {
    await web.api.rateMember(params.slug, params.memberId, {
      rating: numberField(form, 'rating'),
      note: text(form, 'note'),
    });
    return { rated: true };
  });
}

/**
 * A member's reliability (staff): the score against the review threshold, each factor with how often it
 * was seen and what it cost, the members who look like the same person, the ratings and the rating form.
 */
export default function ReliabilityPage({ loaderData: r }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const community = useCommunity();
  const result = useActionData<typeof action>();
  const errors = result && 'fieldErrors' in result ? result : null;
  const base = `/c/${community.slug}/research`;
  return (
    <section>
      <p className="meta">
        <Link to={`${base}/panel`}>{t('panel.title')}</Link> ·{' '}
        <Link to={`/c/${community.slug}/members/${r.memberId}`}>{t('panel.reliability.profile')}</Link>
      </p>
      <h1>{t('panel.reliability.title', { pseudonym: r.pseudonym })}</h1>
      <dl className="stats">
        <div>
          <dt>{t('panel.reliability.scoreLabel')}</dt>
          <dd>{r.score === null ? t('panel.reliability.none') : r.score}</dd>
        </div>
        <div>
          <dt>{t('panel.reliability.threshold')}</dt>
          <dd>{r.threshold}</dd>
        </div>
        <div>
          <dt>{t('panel.reliability.stage')}</dt>
          <dd>{t(`panel.memberStage.${r.panelStage}`)}</dd>
        </div>
      </dl>
      {r.flagged ? <p className="notice notice--error">{t('panel.reliability.flagged')}</p> : null}
      {r.computedAt ? (
        <p className="meta">
          {t('panel.reliability.computedAt')} <LocalTime iso={r.computedAt} withTime />
        </p>
      ) : (
        <p className="empty">{t('panel.reliability.notScored')}</p>
      )}
      {r.factors.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>{t('panel.reliability.factors')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('panel.reliability.factor')}</th>
                <th scope="col">{t('panel.reliability.seen')}</th>
                <th scope="col">{t('panel.reliability.points')}</th>
              </tr>
            </thead>
            <tbody>
              {r.factors.map((f) => (
                <tr key={f.name}>
                  <th scope="row">{t(`panel.factor.${f.name}`)}</th>
                  <td>
                    {f.name === 'ratings'
                      ? t('panel.reliability.ratingsCount', { count: f.count })
                      : t('panel.reliability.outOf', { count: f.count, outOf: f.outOf })}
                  </td>
                  <td>{new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' }).format(f.points)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <h2>{t('panel.duplicates.title')}</h2>
      {r.duplicates.length === 0 ? (
        <p className="empty">{t('panel.duplicates.none')}</p>
      ) : (
        <ul>
          {r.duplicates.map((d) => (
            <li key={d.memberId}>
              <Link to={`${base}/members/${d.memberId}`}>{d.pseudonym}</Link> —{' '}
              {d.reasons.map((reason) => t(`panel.duplicates.reason.${reason}`)).join(', ')}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('panel.ratings.title')}</h2>
      {r.ratings.length === 0 ? (
        <p className="empty">{t('panel.ratings.empty')}</p>
      ) : (
        <ul>
          {r.ratings.map((x) => (
            <li key={x.id}>
              {t('panel.ratings.item', { rating: x.rating, by: x.ratedBy ?? '—' })} ·{' '}
              <LocalTime iso={x.createdAt} />
              {x.note ? <p>{x.note}</p> : null}
            </li>
          ))}
        </ul>
      )}
      <Form method="post" noValidate>
        <FormMessage
          error={errors?.formError}
          success={result && 'rated' in result ? t('panel.ratings.saved') : null}
        />
        <Field
          label={t('panel.ratings.rating')}
          name="rating"
          required
          defaultValue="3"
          error={errors?.fieldErrors.rating}
        >
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {t(`panel.ratings.value.${n}`)}
            </option>
          ))}
        </Field>
        <Field
          label={t('panel.ratings.note')}
          name="note"
          multiline
          maxLength={2000}
          error={errors?.fieldErrors.note}
        />
        <SubmitButton>{t('panel.ratings.submit')}</SubmitButton>
      </Form>
    </section>
  );
}
