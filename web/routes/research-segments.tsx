import { useEffect, useRef, useState } from 'react';
import { Form, Link, useActionData } from 'react-router';
import { Field, FormMessage, SubmitButton } from '../components/form.tsx';
import { appContext } from '../context.ts';
import { attempt, guard, text, withExtra } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';
import { CONDITION_ROWS, segmentField, segmentFilterFromForm } from '../lib/segment-form.ts';
import type { Route } from './+types/research-segments.ts';
import { useCommunity } from './community.tsx';

export async function loader({ context, params }: Route.LoaderArgs) {
  const web = context.get(appContext);
  return guard(web.locale, async () => ({
    segments: (await web.api.listSegments(params.slug)).items,
    attributes: (await web.api.listProfileAttributes(params.slug)).items,
  }));
}

export const meta = titled('research.segments.title');

/** Counts the filter (`intent=count`, the live count without JavaScript) or saves the segment. */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === 'string') values[key] = value;
  const { items } = await guard(web.locale, () => web.api.listProfileAttributes(params.slug));
  const filter = segmentFilterFromForm(form, items);
  const result = await attempt(
    web.locale,
    async () =>
      text(form, 'intent') === 'count'
        ? { size: (await web.api.previewSegmentSize(params.slug, { filter })).size, saved: false }
        : {
            size: (await web.api.createSegment(params.slug, { name: text(form, 'name'), filter })).size,
            saved: true,
          },
    segmentField,
  );
  return withExtra(result, { values: 'saved' in result && result.saved ? {} : values });
}

const OPS = [
  'eq',
  'neq',
  'contains',
  'gt',
  'gte',
  'lt',
  'lte',
  'any_of',
  'is_set',
  'not_set',
  'before',
  'after',
  'active_within',
  'inactive_for',
];

/** Segments with their live sizes, and the editor: conditions over attributes, status, role, dates, activity and reliability. */
export default function SegmentsPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const community = useCommunity();
  const result = useActionData<typeof action>();
  const v = result?.values ?? {};
  const errors = result && 'fieldErrors' in result ? result : null;
  const e = (name: string) => errors?.fieldErrors[name];
  const [live, setLive] = useState<number | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const counted = result && 'size' in result ? result.size : null;
  function recount() {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (!formRef.current) return;
      void fetch(`/c/${community.slug}/research/segments/count`, {
        method: 'POST',
        body: new FormData(formRef.current),
      })
        .then((r) => r.json() as Promise<{ size: number | null }>)
        .then((body) => setLive(body.size))
        .catch(() => setLive(null));
    }, 300);
  }
  useEffect(() => () => clearTimeout(timer.current), []);
  const size = live ?? counted;
  return (
    <section>
      <p className="meta">
        <Link to={`/c/${community.slug}/research`}>{t('research.list.title')}</Link>
      </p>
      <h1>{t('research.segments.title')}</h1>
      {loaderData.segments.length === 0 ? (
        <p className="empty">{t('research.segments.empty')}</p>
      ) : (
        <ul>
          {loaderData.segments.map((s) => (
            <li key={s.id}>{t('research.new.segmentOption', { name: s.name, count: s.size })}</li>
          ))}
        </ul>
      )}
      <h2>{t('research.segments.new')}</h2>
      <Form method="post" ref={formRef} onChange={recount} noValidate>
        <FormMessage
          error={errors?.formError}
          success={result && 'saved' in result && result.saved ? t('research.segments.saved') : null}
        />
        <Field
          label={t('research.segments.name')}
          name="name"
          maxLength={120}
          defaultValue={v.name}
          error={e('name')}
        />
        <Field label={t('research.segments.match')} name="match" defaultValue={v.match ?? 'all'}>
          <option value="all">{t('research.segments.matchAll')}</option>
          <option value="any">{t('research.segments.matchAny')}</option>
        </Field>
        {Array.from({ length: CONDITION_ROWS }, (_, i) => (
          <fieldset key={i} className="builder-question">
            <legend>{t('research.segments.condition', { n: i + 1 })}</legend>
            <Field
              label={t('research.segments.type')}
              name={`c${i}.type`}
              defaultValue={v[`c${i}.type`] ?? ''}
              error={e(`c${i}.type`)}
            >
              <option value="">{t('research.segments.none')}</option>
              {['attribute', 'status', 'role', 'joined', 'activity', 'reliability'].map((type) => (
                <option key={type} value={type}>
                  {t(`research.segments.type.${type}`)}
                </option>
              ))}
            </Field>
            <Field
              label={t('research.segments.attribute')}
              name={`c${i}.attributeId`}
              defaultValue={v[`c${i}.attributeId`] ?? ''}
              error={e(`c${i}.attributeId`)}
            >
              <option value="">—</option>
              {loaderData.attributes.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.label}
                </option>
              ))}
            </Field>
            <Field
              label={t('research.new.condOp')}
              name={`c${i}.op`}
              defaultValue={v[`c${i}.op`] ?? 'eq'}
              error={e(`c${i}.op`)}
            >
              {OPS.map((op) => (
                <option key={op} value={op}>
                  {t(`research.segOp.${op}`)}
                </option>
              ))}
            </Field>
            <Field
              label={t('research.new.condValue')}
              name={`c${i}.value`}
              defaultValue={v[`c${i}.value`]}
              help={t('research.segments.valueHelp')}
              error={e(`c${i}.value`)}
            />
          </fieldset>
        ))}
        <p role="status" aria-live="polite" className="segment-size">
          {size === null || size === undefined
            ? t('research.segments.sizeUnknown')
            : t('research.segments.size', { count: size })}
        </p>
        <p className="actions">
          <button type="submit" name="intent" value="count" className="button button--secondary">
            {t('research.segments.count')}
          </button>{' '}
          <SubmitButton name="intent" value="save">
            {t('research.segments.save')}
          </SubmitButton>
        </p>
      </Form>
    </section>
  );
}
