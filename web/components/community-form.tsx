import { Form } from 'react-router';
import type { CommunityPageDto } from '../../server/modules/communities/communities.schemas.ts';
import { useT } from '../lib/i18n.ts';
import { Field, SubmitButton } from './form.tsx';

/** Turns the community form's fields into the API input (empty optional fields become null). */
export function communityInput(form: FormData): Record<string, unknown> {
  const get = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  const cap = get('memberCap');
  return {
    name: get('name'),
    slug: get('slug'),
    description: get('description'),
    defaultLocale: get('defaultLocale'),
    visibility: get('visibility'),
    joinPolicy: get('joinPolicy'),
    memberCap: cap === '' ? null : /^\d+$/.test(cap) ? Number(cap) : cap,
    logoUrl: get('logoUrl') || null,
    primaryColor: get('primaryColor'),
    accentColor: get('accentColor'),
  };
}

/** The create/edit form of a community; `values` pre-fills it, `errors` shows field messages. */
export function CommunityForm({
  values,
  errors,
  submitLabel,
}: {
  values?: Partial<CommunityPageDto> & Record<string, unknown>;
  errors?: Record<string, string>;
  submitLabel: string;
}) {
  const t = useT();
  const v = (name: string) => {
    const raw = values?.[name];
    return typeof raw === 'string' || typeof raw === 'number' ? String(raw) : '';
  };
  return (
    <Form method="post" noValidate className="stack">
      <Field
        label={t('community.field.name')}
        name="name"
        required
        maxLength={80}
        defaultValue={v('name')}
        error={errors?.name}
      />
      <Field
        label={t('community.field.slug')}
        name="slug"
        required
        pattern="[a-z0-9][a-z0-9-]{1,38}[a-z0-9]"
        help={t('community.field.slugHelp')}
        defaultValue={v('slug')}
        error={errors?.slug}
      />
      <Field
        label={t('community.field.description')}
        name="description"
        multiline
        maxLength={2000}
        defaultValue={v('description')}
        error={errors?.description}
      />
      <Field
        label={t('community.field.defaultLocale')}
        name="defaultLocale"
        required
        defaultValue={v('defaultLocale') || 'fr'}
        error={errors?.defaultLocale}
      >
        <option value="fr">Français</option>
        <option value="en">English</option>
      </Field>
      <Field
        label={t('community.field.visibility')}
        name="visibility"
        required
        defaultValue={v('visibility') || 'public'}
        error={errors?.visibility}
      >
        {(['public', 'private', 'hidden'] as const).map((x) => (
          <option key={x} value={x}>
            {t(`community.visibility.${x}`)}
          </option>
        ))}
      </Field>
      <Field
        label={t('community.field.joinPolicy')}
        name="joinPolicy"
        required
        defaultValue={v('joinPolicy') || 'open'}
        error={errors?.joinPolicy}
      >
        {(['open', 'approval', 'invitation'] as const).map((x) => (
          <option key={x} value={x}>
            {t(`community.joinPolicy.${x}`)}
          </option>
        ))}
      </Field>
      <Field
        label={t('community.field.memberCap')}
        name="memberCap"
        type="number"
        inputMode="numeric"
        min={1}
        help={t('community.field.memberCapHelp')}
        defaultValue={v('memberCap')}
        error={errors?.memberCap}
      />
      <Field
        label={t('community.field.logoUrl')}
        name="logoUrl"
        type="url"
        defaultValue={v('logoUrl')}
        error={errors?.logoUrl}
      />
      <div className="field-row">
        <Field
          label={t('community.field.primaryColor')}
          name="primaryColor"
          type="color"
          required
          defaultValue={v('primaryColor') || '#1f5f8b'}
          error={errors?.primaryColor}
        />
        <Field
          label={t('community.field.accentColor')}
          name="accentColor"
          type="color"
          required
          defaultValue={v('accentColor') || '#d9822b'}
          error={errors?.accentColor}
        />
      </div>
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  );
}
