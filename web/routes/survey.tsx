import { data, Form, Link, redirect, useActionData } from 'react-router';
import { conditionHolds } from '../../common/research/answer-conditions.ts';
import { FormMessage } from '../components/form.tsx';
import { QuestionField } from '../components/research/question-input.tsx';
import { appContext } from '../context.ts';
import { attempt, guard, text, withExtra } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { isMarkerEdit } from '../lib/hotspot-form.ts';
import { answerFieldOf, answersFromForm } from '../lib/survey-form.ts';
import type { Route } from './+types/survey.ts';
import { useCommunity } from './community.tsx';

export async function loader({ context, params }: Route.LoaderArgs) {
  const web = context.get(appContext);
  return guard(web.locale, () => web.api.getSurvey(params.slug, params.surveyId));
}

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData ? `${loaderData.title} · Cercle` : 'Cercle' },
  { name: 'robots', content: 'noindex' },
];

/**
 * Saves the shown page (`intent=save`: save and come back later; `next`: save and go on) or sends the
 * response (`submit`, with the last page's answers). Refused answers come back next to their questions.
 * A hotspot marker placed or removed without JavaScript (`isMarkerEdit`) shows the page again with it.
 */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const survey = await guard(web.locale, () => web.api.getSurvey(params.slug, params.surveyId));
  const form = await request.formData();
  const intent = text(form, 'intent');
  const page = survey.definition.pages.find((p) => p.id === text(form, 'pageId'));
  if (!page) throw data({ message: 'unknown page' }, { status: 400 });
  let answers: Record<string, unknown> = {};
  // Without JavaScript, placing or removing a hotspot marker posts the page: show it again with the
  // marker, save nothing yet (the page's other required answers may still be missing).
  if (isMarkerEdit(form)) {
    const marked = await attempt(
      web.locale,
      async () => ({ marked: true, answers: await answersFromForm(web.api, params.slug, page, form) }),
      (path) => answerFieldOf(path, page),
    );
    return marked;
  }
  const result = await attempt(
    web.locale,
    async () => {
      answers = await answersFromForm(web.api, params.slug, page, form);
      if (intent === 'submit')
        await web.api.submitSurveyResponse(params.slug, params.surveyId, { pageId: page.id, answers });
      else await web.api.saveSurveyPage(params.slug, params.surveyId, { pageId: page.id, answers });
      return { saved: intent };
    },
    (path) => answerFieldOf(path, page),
  );
  // A poll voted from the community home goes back there.
  const back = text(form, 'back');
  if ('saved' in result && result.saved !== 'save')
    return redirect(back === `/c/${params.slug}` ? back : `/c/${params.slug}/surveys/${params.surveyId}`);
  // A refused page is shown again with what was typed (without JavaScript the browser keeps nothing).
  return withExtra(result, { answers });
}

/** A survey as its respondent answers it: one page at a time, a progress bar, save and resume. */
export default function SurveyPage({ loaderData: survey }: Route.ComponentProps) {
  const t = useT();
  const community = useCommunity();
  const result = useActionData<typeof action>();
  const errors = result && 'fieldErrors' in result ? result : null;
  const savedForLater = result && 'saved' in result && result.saved === 'save';
  const definition = survey.definition;
  const { progress } = survey;
  const completed = survey.response?.status === 'completed';
  const page = progress.pageIndex >= 0 ? definition.pages[progress.pageIndex] : null;
  const marked = result && 'marked' in result;
  const typed = result && 'answers' in result && (errors || marked) ? result.answers : null;
  const answers = { ...(survey.response?.answers ?? {}), ...(typed ?? {}) };
  const last = page ? progress.step + 1 >= progress.steps : true;
  return (
    <article className="survey">
      <p className="meta">
        <Link to={`/c/${community.slug}/research`}>{t('research.survey.back')}</Link>
      </p>
      <h1>{survey.title}</h1>
      {survey.description ? <p>{survey.description}</p> : null}
      {survey.anonymous ? <p className="meta">{t('research.survey.anonymousNote')}</p> : null}
      {survey.points > 0 ? (
        <p className="meta">{t('research.survey.points', { count: survey.points })}</p>
      ) : null}
      <p>
        <label htmlFor="survey-progress">
          {t('research.survey.progress', {
            step: Math.min(progress.step + 1, progress.steps),
            steps: progress.steps,
          })}
        </label>{' '}
        <progress
          id="survey-progress"
          max={progress.steps}
          value={completed ? progress.steps : progress.step}
        />
      </p>
      {completed ? (
        <div className="notice notice--success" role="status">
          {t('research.survey.thanks')}
          {survey.abilities.viewResults ? (
            <>
              {' '}
              <Link to={`/c/${community.slug}/research/${survey.id}/results`}>
                {t('research.results.link')}
              </Link>
            </>
          ) : null}
        </div>
      ) : survey.state !== 'open' ? (
        <p className="empty">{t(`research.state.${survey.state}`)}</p>
      ) : !survey.abilities.respond ? (
        <p className="empty">{t('research.survey.cannotRespond')}</p>
      ) : page === null ? (
        <Form method="post">
          <p>{t('research.survey.readyToSend')}</p>
          <input type="hidden" name="pageId" value={definition.pages[definition.pages.length - 1].id} />
          <FormMessage error={errors?.formError} />
          <button type="submit" className="button" name="intent" value="submit">
            {t('research.survey.send')}
          </button>
        </Form>
      ) : (
        <Form method="post" encType="multipart/form-data" noValidate>
          {page.title ? <h2>{page.title}</h2> : null}
          <FormMessage
            error={errors?.formError}
            success={savedForLater ? t('research.survey.savedForLater') : null}
          />
          <input type="hidden" name="pageId" value={page.id} />
          {page.questions.some((q) => q.type === 'hotspot') ? (
            // Enter in a field submits with the form's first button: let it be "next", not the image.
            <button
              type="submit"
              name="intent"
              value={last ? 'submit' : 'next'}
              className="visually-hidden"
              tabIndex={-1}
              aria-hidden="true"
            >
              {last ? t('research.survey.send') : t('research.survey.next')}
            </button>
          ) : null}
          {page.questions
            .filter((q) => !q.showIf || conditionHolds(q.showIf, answers))
            .map((q) => (
              <QuestionField
                key={q.id}
                question={q}
                value={answers[q.id]}
                error={errors?.fieldErrors[q.id]}
                community={community.name}
                media={survey.media}
              />
            ))}
          <p className="actions">
            <button type="submit" className="button" name="intent" value={last ? 'submit' : 'next'}>
              {last ? t('research.survey.send') : t('research.survey.next')}
            </button>{' '}
            <button type="submit" className="button button--secondary" name="intent" value="save">
              {t('research.survey.saveLater')}
            </button>
          </p>
        </Form>
      )}
    </article>
  );
}
