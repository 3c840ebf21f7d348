import { data, Form, Link, redirect, useActionData } from 'react-router';
import { translate } from '../../common/i18n/index.ts';
import { Field, FormMessage, SubmitButton } from '../components/form.tsx';
import { QuestionBlocks } from '../components/research/question-blocks.tsx';
import { appContext } from '../context.ts';
import { attempt, guard, text, withExtra } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { uploadBuilderMedia } from '../lib/survey-builder-media.ts';
import {
  builderField,
  builderMayEdit,
  definitionFromForm,
  formValues,
  valuesFromDefinition,
} from '../lib/survey-builder.ts';
import type { Route } from './+types/research-edit.ts';
import { useCommunity } from './community.tsx';

export async function loader({ context, params }: Route.LoaderArgs) {
  const web = context.get(appContext);
  const survey = await guard(web.locale, () => web.api.getSurvey(params.slug, params.surveyId));
  if (!survey.abilities.manage)
    throw data({ code: 'forbidden', message: translate(web.locale, 'error.forbidden') }, { status: 403 });
  return { survey, ...valuesFromDefinition(survey.definition), editable: builderMayEdit(survey.definition) };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData ? `${loaderData.survey.title} · Cercle` : 'Cercle' },
  { name: 'robots', content: 'noindex' },
];

/** Adds a question block (`intent=add`), or saves the title, description and questions. */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const count = Math.min(50, Math.max(1, Number(text(form, 'count')) || 1));
  const refused = await uploadBuilderMedia(web.api, web.locale, params.slug, form, count);
  const values = formValues(form);
  if (refused) return withExtra(refused, { values, count });
  if (text(form, 'intent') === 'add') return { values, count: count + 1, fieldErrors: {}, formError: null };
  const { definition, places } = definitionFromForm(form, count);
  const result = await attempt(
    web.locale,
    () =>
      web.api.updateSurvey(params.slug, params.surveyId, {
        title: text(form, 'title'),
        description: text(form, 'description'),
        definition,
      }),
    (path) => builderField(path, places),
  );
  if ('id' in result) return redirect(`/c/${params.slug}/research/${result.id}/results`);
  return withExtra(result, { values, count });
}

/**
 * Edits a survey's title, description and questions (staff) with the builder, while nobody has started
 * answering it (the server refuses a new definition afterwards). Surveys with image choices or more skip
 * rules than the builder shows are edited through the API.
 */
export default function EditSurveyPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const community = useCommunity();
  const result = useActionData<typeof action>() as
    | {
        values?: Record<string, string>;
        count?: number;
        fieldErrors?: Record<string, string>;
        formError?: string | null;
      }
    | undefined;
  const { survey } = loaderData;
  const v = result?.values ?? { ...loaderData.values, title: survey.title, description: survey.description };
  const count = result?.count ?? loaderData.count;
  const checked = (name: string) => v[name] === 'on';
  const results = `/c/${community.slug}/research/${survey.id}/results`;
  return (
    <section>
      <p className="meta">
        <Link to={results}>{t('research.results.title', { title: survey.title })}</Link>
      </p>
      <h1>{t('research.edit.title')}</h1>
      {!loaderData.editable ? (
        <p className="notice">{t('research.edit.apiOnly')}</p>
      ) : (
        <Form method="post" encType="multipart/form-data" noValidate>
          <FormMessage error={result?.formError} />
          <input type="hidden" name="count" value={count} />
          <Field
            label={t('research.new.titleField')}
            name="title"
            required
            maxLength={200}
            defaultValue={v.title}
            error={result?.fieldErrors?.title}
          />
          <Field
            label={t('research.new.description')}
            name="description"
            multiline
            maxLength={5000}
            defaultValue={v.description}
            error={result?.fieldErrors?.description}
          />
          <QuestionBlocks
            count={count}
            values={v}
            errors={result?.fieldErrors}
            checked={checked}
            mediaNames={Object.fromEntries(survey.media.map((m) => [m.id, m.alt]))}
          />
          <SubmitButton name="intent" value="save">
            {t('research.edit.save')}
          </SubmitButton>
        </Form>
      )}
    </section>
  );
}
