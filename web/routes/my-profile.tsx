import { Form, Link, useActionData, useParams } from 'react-router';
import type { MemberProfileDto } from '../../server/modules/panel/panel.schemas.ts';
import { Field, FormMessage, SubmitButton } from '../components/form.tsx';
import { appContext } from '../context.ts';
import { attempt, guard } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';
import type { Route } from './+types/my-profile.ts';

/** The member whose profile is shown: `?member=` (staff), else the viewer's own membership. */
async function subjectOf(
  web: { api: { getCommunity(slug: string): Promise<{ viewerMembership: { id: string } | null }> } },
  slug: string,
  request: Request,
) {
  const asked = new URL(request.url).searchParams.get('member');
  return (
    asked ?? (await web.api.getCommunity(slug)).viewerMembership?.id ?? '00000000-0000-0000-0000-000000000000'
  );
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  return guard(web.locale, async () =>
    web.api.getMemberProfile(params.slug, await subjectOf(web, params.slug, request)),
  );
}

export const meta = titled('research.profile.title');

/** Reads each editable field as its attribute's kind expects (numbers, several choices) and saves them. */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const memberId = await subjectOf(web, params.slug, request);
  const form = await request.formData();
  const profile = await guard(web.locale, () => web.api.getMemberProfile(params.slug, memberId));
  const values: Record<string, unknown> = {};
  for (const field of profile.fields) {
    if (!field.editable) continue;
    const { id, kind } = field.attribute;
    if (kind === 'multiple_choice') {
      const picked = form.getAll(id).filter((v): v is string => typeof v === 'string');
      values[id] = picked.length > 0 ? picked : null;
      continue;
    }
    const raw = form.get(id);
    const text = typeof raw === 'string' ? raw.trim() : '';
    values[id] =
      text === ''
        ? null
        : kind === 'number' && Number.isFinite(Number(text.replace(',', '.')))
          ? Number(text.replace(',', '.'))
          : text;
  }
  const result = await attempt(
    web.locale,
    async () => ({ saved: (await web.api.updateMemberProfile(params.slug, memberId, { values })).memberId }),
    (path) => path.replace(/^\/values\//, ''),
  );
  return result;
}

/** A member's profile: the attributes the viewer may see, editable ones in a form. */
export default function ProfilePage({ loaderData: profile }: Route.ComponentProps) {
  const t = useT();
  const result = useActionData<typeof action>();
  const errors = result && 'fieldErrors' in result ? result : null;
  const editable = profile.fields.filter((f) => f.editable);
  const { slug } = useParams();
  return (
    <section>
      <h1>{t('research.profile.title')}</h1>
      {profile.fields.length === 0 ? <p className="empty">{t('research.profile.empty')}</p> : null}
      {profile.fields
        .filter((f) => !f.editable)
        .map((f) => (
          <p key={f.attribute.id}>
            <strong>{f.attribute.label}</strong> : {display(f)}
          </p>
        ))}
      {editable.length > 0 ? (
        <Form method="post" noValidate>
          <FormMessage
            error={errors?.formError}
            success={result && 'saved' in result ? t('research.profile.saved') : null}
          />
          {editable.map((f) => (
            <ProfileField key={f.attribute.id} field={f} error={errors?.fieldErrors[f.attribute.id]} />
          ))}
          <SubmitButton>{t('research.profile.save')}</SubmitButton>
        </Form>
      ) : null}
      <p>
        <Link to={`/c/${slug}/profile/consents`}>{t('recruitment.consents.title')}</Link>
      </p>
    </section>
  );
}

type ProfileFieldDto = MemberProfileDto['fields'][number];

function display(f: ProfileFieldDto): string {
  if (f.value === null) return '—';
  const labels = new Map(f.attribute.options.map((o) => [o.value, o.label]));
  if (Array.isArray(f.value)) return f.value.map((v) => labels.get(v) ?? v).join(', ');
  return labels.get(String(f.value)) ?? String(f.value);
}

/** One editable attribute with the input its kind needs. */
function ProfileField({ field: f, error }: { field: ProfileFieldDto; error?: string }) {
  const a = f.attribute;
  if (a.kind === 'multiple_choice') {
    const chosen = Array.isArray(f.value) ? f.value : [];
    return (
      <fieldset className={`field${error ? ' field--error' : ''}`}>
        <legend>{a.label}</legend>
        {error ? <p className="field__error">{error}</p> : null}
        {a.options.map((o) => (
          <label key={o.value} className="choice">
            <input type="checkbox" name={a.id} value={o.value} defaultChecked={chosen.includes(o.value)} />{' '}
            {o.label}
          </label>
        ))}
      </fieldset>
    );
  }
  if (a.kind === 'single_choice')
    return (
      <Field
        label={a.label}
        name={a.id}
        defaultValue={typeof f.value === 'string' ? f.value : ''}
        error={error}
      >
        <option value="">—</option>
        {a.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Field>
    );
  return (
    <Field
      label={a.label}
      name={a.id}
      type={a.kind === 'date' ? 'date' : 'text'}
      inputMode={a.kind === 'number' ? 'decimal' : undefined}
      maxLength={500}
      defaultValue={f.value === null ? '' : String(f.value)}
      error={error}
    />
  );
}
