import { Form, Link, useActionData, useSearchParams } from 'react-router';
import type { QuestionResultDto, SurveyDto } from '../../server/modules/research/research.schemas.ts';
import { FormMessage } from '../components/form.tsx';
import { BarChart } from '../components/research/bar-chart.tsx';
import { CsvDownload } from '../components/research/csv-download.tsx';
import { HotspotHeatmap } from '../components/research/hotspot-heatmap.tsx';
import { StimulusView } from '../components/research/stimulus-view.tsx';
import { appContext } from '../context.ts';
import { attempt, guard, text } from '../lib/errors.ts';
import { useLocale, useT } from '../lib/i18n.ts';
import type { Route } from './+types/research-results.ts';
import { useCommunity } from './community.tsx';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  const segment = new URL(request.url).searchParams.get('segment');
  return guard(web.locale, async () => {
    const survey = await web.api.getSurvey(params.slug, params.surveyId);
    const results = await web.api.getSurveyResults(params.slug, params.surveyId, segment ? { segment } : {});
    const segments = results.abilities.filterBySegment ? (await web.api.listSegments(params.slug)).items : [];
    return { survey, results, segments };
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData ? `${loaderData.results.title} · Cercle` : 'Cercle' },
  { name: 'robots', content: 'noindex' },
];

/** Staff publish or close the survey from here. */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const intent = text(form, 'intent');
  return attempt(web.locale, async () => {
    await web.api.updateSurvey(
      params.slug,
      params.surveyId,
      intent === 'close' ? { close: true } : { published: true },
    );
    return { done: intent };
  });
}

/** A survey's results: rates, a chart per question, open answers with their sentiment, segment filter, CSV. */
export default function ResultsPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const community = useCommunity();
  const [params] = useSearchParams();
  const actionData = useActionData<typeof action>();
  const { survey, results, segments } = loaderData;
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const base = `/c/${community.slug}/research/${survey.id}`;
  return (
    <section className="results">
      <p className="meta">
        <Link to={`/c/${community.slug}/research`}>{t('research.list.title')}</Link>
      </p>
      <h1>{t('research.results.title', { title: results.title })}</h1>
      <p className="meta">
        {t(`research.kind.${survey.kind}`)} · {t(`research.state.${survey.state}`)}
        {survey.anonymous ? ` · ${t('research.results.anonymous')}` : ''}
      </p>
      {actionData && 'fieldErrors' in actionData ? <FormMessage error={actionData.formError} /> : null}
      {survey.abilities.manage ? (
        <Form method="post" className="actions">
          {!survey.published ? (
            <button type="submit" name="intent" value="publish" className="button">
              {t('research.results.publish')}
            </button>
          ) : null}
          {survey.state === 'open' || survey.state === 'scheduled' ? (
            <button type="submit" name="intent" value="close" className="button button--secondary">
              {t('research.results.close')}
            </button>
          ) : null}{' '}
          <Link to={`/c/${community.slug}/surveys/${survey.id}`}>{t('research.results.preview')}</Link>
          {results.started === 0 ? (
            <>
              {' · '}
              <Link to={`/c/${community.slug}/research/${survey.id}/edit`}>{t('research.edit.link')}</Link>
            </>
          ) : null}
        </Form>
      ) : null}
      <dl className="stats">
        <div>
          <dt>{t('research.results.completed')}</dt>
          <dd>{results.completed}</dd>
        </div>
        <div>
          <dt>{t('research.results.rate')}</dt>
          <dd>
            {results.responseRate === null ? '—' : percent.format(results.responseRate)}{' '}
            <span className="meta">({t('research.results.target', { count: results.targetSize })})</span>
          </dd>
        </div>
        <div>
          <dt>{t('research.results.median')}</dt>
          <dd>
            {results.medianSeconds === null
              ? '—'
              : t('research.results.seconds', { count: results.medianSeconds })}
          </dd>
        </div>
      </dl>
      {segments.length > 0 ? (
        <Form method="get" className="filters">
          <label>
            {t('research.results.segment')}{' '}
            <select name="segment" defaultValue={params.get('segment') ?? ''}>
              <option value="">{t('research.new.everyone')}</option>
              {segments.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button button--secondary">
            {t('research.results.apply')}
          </button>
        </Form>
      ) : null}
      {survey.abilities.export ? (
        <CsvDownload href={`${base}/export.csv`} filename={`${survey.title.replace(/[^\w-]+/g, '-')}.csv`} />
      ) : null}
      {results.completed === 0 ? <p className="empty">{t('research.results.none')}</p> : null}
      {results.questions.map((q) => (
        <QuestionResult key={q.id} question={q} survey={survey} />
      ))}
    </section>
  );
}

/** One question's aggregates, as a chart and figures, with its stimulus (a heat map for hotspots). */
function QuestionResult({ question: q, survey }: { question: QuestionResultDto; survey: SurveyDto }) {
  const t = useT();
  const asked = survey.definition.pages.flatMap((p) => p.questions).find((x) => x.id === q.id);
  const media = new Map(survey.media.map((m) => [m.id, m]));
  const stimulus = asked?.stimulus ? media.get(asked.stimulus.mediaId) : undefined;
  return (
    <article className="result">
      <h2>{q.title}</h2>
      <p className="meta">
        {t(`research.type.${q.type}`)} · {t('research.results.answered', { count: q.answered })}
        {q.mean !== undefined && q.mean !== null ? ` · ${t('research.results.mean', { mean: q.mean })}` : ''}
        {q.nps && q.nps.score !== null ? ` · NPS ${q.nps.score}` : ''}
      </p>
      {q.markers ? (
        <HotspotHeatmap id={q.id} media={stimulus} markers={q.markers} />
      ) : stimulus ? (
        <StimulusView media={stimulus} caption={asked?.stimulus?.caption} />
      ) : null}
      {q.type === 'preference' ? (
        <ul className="variants">
          {(asked?.options ?? []).map((o) => (
            <li key={o.id} className="variant">
              <StimulusView media={o.mediaId ? media.get(o.mediaId) : undefined} caption={o.label} />
            </li>
          ))}
        </ul>
      ) : null}
      {q.options ? <BarChart title={q.title} bars={q.options} /> : null}
      {q.distribution ? (
        <BarChart title={q.title} bars={q.distribution.map((d) => ({ label: d.value, count: d.count }))} />
      ) : null}
      {q.ranking ? (
        <ol>
          {[...q.ranking]
            .sort((a, b) => (a.meanRank ?? 99) - (b.meanRank ?? 99))
            .map((r) => (
              <li key={r.id}>
                {r.label} ({t('research.results.meanRank', { rank: r.meanRank ?? '—' })})
              </li>
            ))}
        </ol>
      ) : null}
      {q.matrix
        ? q.matrix.map((row) => (
            <div key={row.id}>
              <h3>{row.label}</h3>
              <BarChart title={row.label} bars={row.columns} />
            </div>
          ))
        : null}
      {q.sentiment ? (
        <BarChart
          title={t('research.results.sentiment')}
          bars={(['positive', 'neutral', 'negative'] as const).map((s) => ({
            label: t(`research.sentiment.${s}`),
            count: q.sentiment![s],
          }))}
        />
      ) : null}
      {q.texts && q.texts.length > 0 ? (
        <ul className="open-answers">
          {q.texts.map((answer, i) => (
            <li key={i}>
              <span className={`badge badge--${answer.sentiment}`}>
                {t(`research.sentiment.${answer.sentiment}`)}
              </span>{' '}
              {answer.text}
              {answer.respondent ? <span className="meta"> — {answer.respondent}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
