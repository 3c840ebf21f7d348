import { Form, Link, redirect, useActionData } from 'react-router';
import { Field, FormMessage, SubmitButton } from '../components/form.tsx';
import { appContext } from '../context.ts';
import { attempt, guard, text, withExtra } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';
import {
  BUILDER_TYPES,
  builderField,
  definitionFromForm,
  formValues,
  SKIP_ROWS,
} from '../lib/survey-builder.ts';
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
  const values = formValues(form);
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
      <Form method="post" noValidate>
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
        <h2>{t('research.new.questions')}</h2>
        {e('definition') ? <p className="field__error">{e('definition')}</p> : null}
        {Array.from({ length: count }, (_, i) => (
          <fieldset key={i} className="builder-question">
            <legend>{t('research.new.question', { n: i + 1 })}</legend>
            <Field
              label={t('research.new.qTitle')}
              name={`q${i}.title`}
              maxLength={500}
              defaultValue={v[`q${i}.title`]}
              error={e(`q${i}.title`)}
            />
            <Field
              label={t('research.new.qType')}
              name={`q${i}.type`}
              defaultValue={v[`q${i}.type`] ?? 'single'}
              error={e(`q${i}.type`)}
            >
              {BUILDER_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`research.type.${type}`)}
                </option>
              ))}
            </Field>
            <Field
              label={t('research.new.qPage')}
              name={`q${i}.page`}
              type="number"
              min={1}
              max={50}
              defaultValue={v[`q${i}.page`] ?? '1'}
            />
            <Field
              label={t('research.new.qOptions')}
              name={`q${i}.options`}
              multiline
              help={t('research.new.qOptionsHelp')}
              defaultValue={v[`q${i}.options`]}
              error={e(`q${i}.options`)}
            />
            <Field
              label={t('research.new.qRows')}
              name={`q${i}.rows`}
              multiline
              help={t('research.new.qRowsHelp')}
              defaultValue={v[`q${i}.rows`]}
              error={e(`q${i}.rows`)}
            />
            <Field
              label={t('research.new.qMin')}
              name={`q${i}.min`}
              type="number"
              defaultValue={v[`q${i}.min`]}
              error={e(`q${i}.min`)}
            />
            <Field
              label={t('research.new.qMax')}
              name={`q${i}.max`}
              type="number"
              defaultValue={v[`q${i}.max`]}
              error={e(`q${i}.max`)}
            />
            <div className="field">
              <label>
                <input
                  type="checkbox"
                  name={`q${i}.required`}
                  defaultChecked={checked(`q${i}.required`, true)}
                />{' '}
                {t('research.new.qRequired')}
              </label>{' '}
              <label>
                <input type="checkbox" name={`q${i}.randomize`} defaultChecked={checked(`q${i}.randomize`)} />{' '}
                {t('research.new.qRandomize')}
              </label>
            </div>
            <Field
              label={t('research.new.showIf')}
              name={`q${i}.showIfQuestion`}
              type="number"
              min={1}
              defaultValue={v[`q${i}.showIfQuestion`]}
              help={t('research.new.showIfHelp')}
              error={e(`q${i}.showIfQuestion`)}
            />
            <ConditionFields prefix={`q${i}.showIf`} values={v} />
          </fieldset>
        ))}
        <button type="submit" name="intent" value="add" className="button button--secondary">
          {t('research.new.addQuestion')}
        </button>
        <h2>{t('research.new.skipRules')}</h2>
        <p className="field__help">{t('research.new.skipHelp')}</p>
        {e('skip') ? <p className="field__error">{e('skip')}</p> : null}
        {Array.from({ length: SKIP_ROWS }, (_, j) => (
          <fieldset key={j} className="builder-question">
            <legend>{t('research.new.skipRule', { n: j + 1 })}</legend>
            <Field
              label={t('research.new.skipPage')}
              name={`s${j}.page`}
              type="number"
              min={1}
              defaultValue={v[`s${j}.page`]}
            />
            <Field
              label={t('research.new.skipQuestion')}
              name={`s${j}.question`}
              type="number"
              min={1}
              defaultValue={v[`s${j}.question`]}
            />
            <ConditionFields prefix={`s${j}.`} values={v} />
            <Field
              label={t('research.new.skipGoTo')}
              name={`s${j}.goTo`}
              defaultValue={v[`s${j}.goTo`]}
              help={t('research.new.skipGoToHelp')}
            />
          </fieldset>
        ))}
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

/** The operator and value of a condition (display logic or skip rule). */
function ConditionFields({ prefix, values }: { prefix: string; values: Record<string, string> }) {
  const t = useT();
  const op = prefix.endsWith('.') ? `${prefix}op` : `${prefix}Op`;
  const value = prefix.endsWith('.') ? `${prefix}value` : `${prefix}Value`;
  return (
    <>
      <Field label={t('research.new.condOp')} name={op} defaultValue={values[op] ?? 'equals'}>
        {['equals', 'not_equals', 'includes', 'gte', 'lte', 'answered'].map((o) => (
          <option key={o} value={o}>
            {t(`research.op.${o}`)}
          </option>
        ))}
      </Field>
      <Field
        label={t('research.new.condValue')}
        name={value}
        defaultValue={values[value]}
        help={t('research.new.condValueHelp')}
      />
    </>
  );
}
