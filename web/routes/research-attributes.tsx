import { Form, Link, useActionData } from 'react-router';
import { Field, FormMessage, SubmitButton } from '../components/form.tsx';
import { appContext } from '../context.ts';
import { attempt, guard, text, withExtra } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';
import type { Route } from './+types/research-attributes.ts';
import { useCommunity } from './community.tsx';

export async function loader({ context, params }: Route.LoaderArgs) {
  const web = context.get(appContext);
  return guard(web.locale, () => web.api.listProfileAttributes(params.slug));
}

export const meta = titled('research.attributes.title');

/** Defines an attribute; choices are typed one per line (`value: label`, or a label alone). */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const kind = text(form, 'kind');
  const options = text(form, 'options')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, i) => {
      const [value, ...label] = line.split(':');
      return label.length > 0
        ? { value: value.trim(), label: label.join(':').trim() }
        : { value: `c${i + 1}`, label: line };
    });
  const result = await attempt(web.locale, () =>
    web.api.createProfileAttribute(params.slug, {
      key: text(form, 'key'),
      label: text(form, 'label'),
      kind,
      visibility: text(form, 'visibility'),
      ...(options.length > 0 ? { options } : {}),
    }),
  );
  const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string')) as Record<
    string,
    string
  >;
  return 'id' in result ? { created: result.label } : withExtra(result, { values });
}

/** The community's profile attributes and the form that defines one (staff). */
export default function AttributesPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const community = useCommunity();
  const result = useActionData<typeof action>();
  const errors = result && 'fieldErrors' in result ? result : null;
  const v = result && 'values' in result ? result.values : {};
  const e = (name: string) => errors?.fieldErrors[name];
  return (
    <section>
      <p className="meta">
        <Link to={`/c/${community.slug}/research`}>{t('research.list.title')}</Link>
      </p>
      <h1>{t('research.attributes.title')}</h1>
      {loaderData.items.length === 0 ? (
        <p className="empty">{t('research.attributes.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('research.attributes.label')}</th>
                <th scope="col">{t('research.attributes.key')}</th>
                <th scope="col">{t('research.attributes.kind')}</th>
                <th scope="col">{t('research.attributes.visibility')}</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.items.map((a) => (
                <tr key={a.id}>
                  <td>{a.label}</td>
                  <td>
                    <code>{a.key}</code>
                  </td>
                  <td>{t(`research.attrKind.${a.kind}`)}</td>
                  <td>{t(`research.attrVisibility.${a.visibility}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {loaderData.abilities.managePanel ? (
        <>
          <h2>{t('research.attributes.new')}</h2>
          <Form method="post" noValidate>
            <FormMessage
              error={errors?.formError}
              success={
                result && 'created' in result
                  ? t('research.attributes.created', { label: result.created })
                  : null
              }
            />
            <Field
              label={t('research.attributes.label')}
              name="label"
              required
              maxLength={120}
              defaultValue={v.label}
              error={e('label')}
            />
            <Field
              label={t('research.attributes.key')}
              name="key"
              required
              maxLength={40}
              help={t('research.validation.attributeKey')}
              defaultValue={v.key}
              error={e('key')}
            />
            <Field
              label={t('research.attributes.kind')}
              name="kind"
              required
              defaultValue={v.kind ?? 'text'}
              error={e('kind')}
            >
              {['text', 'number', 'date', 'single_choice', 'multiple_choice'].map((k) => (
                <option key={k} value={k}>
                  {t(`research.attrKind.${k}`)}
                </option>
              ))}
            </Field>
            <Field
              label={t('research.attributes.visibility')}
              name="visibility"
              required
              defaultValue={v.visibility ?? 'member_editable'}
              error={e('visibility')}
            >
              {['member_editable', 'observer_visible', 'staff_only'].map((k) => (
                <option key={k} value={k}>
                  {t(`research.attrVisibility.${k}`)}
                </option>
              ))}
            </Field>
            <Field
              label={t('research.attributes.options')}
              name="options"
              multiline
              help={t('research.attributes.optionsHelp')}
              defaultValue={v.options}
              error={e('options')}
            />
            <SubmitButton>{t('research.attributes.create')}</SubmitButton>
          </Form>
        </>
      ) : null}
    </section>
  );
}
