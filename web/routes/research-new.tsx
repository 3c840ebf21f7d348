import { Form, Link, redirect, useActionData } from 'react-router';
import { Field, FormMessage, SubmitButton } from '../components/form.tsx';
import { appContext } from '../context.ts';
import { attempt, guard, text, withExtra } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { uploadBuilderMedia } from '../lib/survey-builder-media.ts';
import { titled } from '../lib/meta.ts';
import { QuestionBlocks } from '../components/research/question-blocks.tsx';
import { builderField, definitionFromForm, formValues } from '../lib/survey-builder.ts';
import type { Route } from './+types/research-new.ts';
import { useCommunity } from './community.tsx';

export async function loader({ context, params }: Route.LoaderArgs) {
  const web = context.get(appContext);
  return guard(web.locale, () => web.api.listSegments(params.slug));
}

export const meta = titled('research.new.title');

/** A local date-time typed in the form, as an ISO instant in the viewer's zone offset (`tz`, minutes). */
function instant(raw: string, offsetMinutes: number): string | null {
  if (!raw) return null;
  const utc = Date.parse(`${raw}:00Z`);
  return Number.isNaN(utc) ? raw : new Date(utc + offsetMinutes * 60_000).toISOString();
}

/** Adds a question block (`intent=add`), or creates the survey and opens its management page. */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const count = Math.min(50, Math.max(1, Number(text(form, 'count')) || 3));
  const refused = await uploadBuilderMedia(web.api, web.locale, params.slug, form, count);
  const values = formValues(form);
  if (refused) return withExtra(refused, { values, count });
  if (text(form, 'intent') === 'add') return { values, count: count + 1, fieldErrors: {}, formError: null };
  const { definition, places } = definitionFromForm(form, count);
  const offset = Number(text(form, 'tz')) || 0;
  const kind = text(form, 'kind') === 'poll' ? 'poll' : 'survey';
  const result = await attempt(
    web.locale,
    () =>
      web.api.createSurvey(params.slug, {
        kind,
        title: text(form, 'title'),
        description: text(form, 'description'),
        definition,
        published: form.get('published') === 'on',
        opensAt: instant(text(form, 'opensAt'), offset),
        closesAt: instant(text(form, 'closesAt'), offset),
        segmentId: text(form, 'segmentId') || null,
        anonymous: form.get('anonymous') === 'on',
        points: Number(text(form, 'points') || '0'),
        ...(kind === 'poll' ? { resultsVisibility: text(form, 'resultsVisibility') || 'after_vote' } : {}),
      }),
    (path) => builderField(path, places),
  );
  if ('id' in result) return redirect(`/c/${params.slug}/research/${result.id}/results`);
  return withExtra(result, { values, count });
}

/**
 * The survey builder (staff): settings, then question blocks grouped into pages by their page number, with
 * display logic ("show if") and skip rules. Works without JavaScript: "Add a question" posts the form back.
 */
export default function NewSurveyPage({ loaderData }: Route.ComponentProps) {
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
  const v = result?.values ?? {};
  const errors = result?.fieldErrors
    ? { fieldErrors: result.fieldErrors, formError: result.formError }
    : null;
  const e = (name: string) => errors?.fieldErrors[name];
  const count = result?.count ?? 3;
  const checked = (name: string, fallback = false) => (result ? v[name] === 'on' : fallback);
  return (
    <section>
      <p className="meta">
        <Link to={`/c/${community.slug}/research`}>{t('research.list.title')}</Link>
      </p>
      <h1>{t('research.new.title')}</h1>
      <Form method="post" encType="multipart/form-data" noValidate>
        <FormMessage error={errors?.formError} />
        <input type="hidden" name="count" value={count} />
        <input type="hidden" name="tz" value={v.tz ?? '0'} id="survey-tz" />
        <Field label={t('research.new.kind')} name="kind" defaultValue={v.kind ?? 'survey'} required>
          <option value="survey">{t('research.kind.survey')}</option>
          <option value="poll">{t('research.kind.poll')}</option>
        </Field>
        <Field
          label={t('research.new.titleField')}
          name="title"
          required
          maxLength={200}
          defaultValue={v.title}
          error={e('title')}
        />
        <Field
          label={t('research.new.description')}
          name="description"
          multiline
          maxLength={5000}
          defaultValue={v.description}
        />
        <Field
          label={t('research.new.opensAt')}
          name="opensAt"
          type="datetime-local"
          defaultValue={v.opensAt}
          error={e('opensAt')}
        />
        <Field
          label={t('research.new.closesAt')}
          name="closesAt"
          type="datetime-local"
          defaultValue={v.closesAt}
          error={e('closesAt')}
        />
        <Field
          label={t('research.new.segment')}
          name="segmentId"
          defaultValue={v.segmentId ?? ''}
          error={e('segmentId')}
        >
          <option value="">{t('research.new.everyone')}</option>
          {loaderData.items.map((s) => (
            <option key={s.id} value={s.id}>
              {t('research.new.segmentOption', { name: s.name, count: s.size })}
            </option>
          ))}
        </Field>
        <Field
          label={t('research.new.points')}
          name="points"
          type="number"
          min={0}
          max={100000}
          defaultValue={v.points ?? '0'}
          error={e('points')}
        />
        <Field
          label={t('research.new.resultsVisibility')}
          name="resultsVisibility"
          defaultValue={v.resultsVisibility ?? 'after_vote'}
          error={e('resultsVisibility')}
        >
          <option value="after_vote">{t('research.visibility.after_vote')}</option>
          <option value="after_close">{t('research.visibility.after_close')}</option>
          <option value="staff">{t('research.visibility.staff')}</option>
        </Field>
        <div className="field">
          <label>
            <input type="checkbox" name="anonymous" defaultChecked={checked('anonymous')} />{' '}
            {t('research.new.anonymous')}
          </label>
        </div>
        <div className="field">
          <label>
            <input type="checkbox" name="published" defaultChecked={checked('published', true)} />{' '}
            {t('research.new.published')}
          </label>
        </div>
        <QuestionBlocks count={count} values={v} errors={errors?.fieldErrors} checked={checked} />
        <SubmitButton name="intent" value="create">
          {t('research.new.create')}
        </SubmitButton>
      </Form>
      <script
        // The viewer's zone offset, so the dates typed are read in their time zone (UTC without JavaScript).
        dangerouslySetInnerHTML={{
          __html: `document.getElementById('survey-tz').value=String(new Date().getTimezoneOffset());`,
        }}
      />
    </section>
  );
}
