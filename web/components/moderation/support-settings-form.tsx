import { data, Form, useActionData } from 'react-router';
import { translate } from '../../../common/i18n/index.ts';
import type { SupportSettingsDto } from '../../../server/modules/moderation/moderation.schemas.ts';
import type { WebContext } from '../../../server/web/web-context.ts';
import { type ActionErrors, attempt, text } from '../../lib/errors.ts';
import { useT } from '../../lib/i18n.ts';
import { Field, FormMessage, SubmitButton } from '../form.tsx';

/** The intent of the support settings form on the community settings page. */
export const SUPPORT_SETTINGS_INTENT = 'supportSettings';

const INTEGER_FIELDS = [
  'caseEscalationHours',
  'solutionReminderHours',
  'burstPosts',
  'burstSeconds',
  'hourlyPosts',
  'newcomerDays',
  'newcomerPosts',
] as const;

/** A whole number typed in a form, or the text itself (the command then says it is not one). */
function integerOf(value: string): number | string {
  return /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
}

/** An amount such as "15", "15.5" or "15,50" in cents, or null when it is not one. */
function centsOf(value: string): number | null {
  const match = /^\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*$/.exec(value);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/**
 * The support settings intent of the community settings action: reads the form (the contact cost as an
 * amount, turned into cents), saves through the API, and returns `supportSettings` results or refusals,
 * kept apart from the community form's own.
 */
export async function saveSupportSettings(web: WebContext, community: string, form: FormData) {
  // A refusal sends the typed values back, so the form shows them again with the errors.
  const typed: Record<string, string> = {};
  for (const name of [...INTEGER_FIELDS, 'contactCost', 'currency']) typed[name] = text(form, name);
  typed.newcomerPremoderation = form.get('newcomerPremoderation') === 'on' ? 'on' : '';
  const refuse = (fieldErrors: Record<string, string>, formError: string, status: number) =>
    data(
      {
        supportSettingsErrors: { fieldErrors, formError } satisfies ActionErrors,
        supportSettingsTyped: typed,
      },
      { status },
    );
  const cents = centsOf(text(form, 'contactCost'));
  if (cents === null) {
    return refuse(
      { contactCost: translate(web.locale, 'moderation.settings.amountFormat') },
      translate(web.locale, 'error.validation_failed'),
      422,
    );
  }
  const input: Record<string, unknown> = {
    contactCostCents: cents,
    currency: text(form, 'currency').trim().toUpperCase(),
    newcomerPremoderation: form.get('newcomerPremoderation') === 'on',
  };
  for (const name of INTEGER_FIELDS) input[name] = integerOf(text(form, name));
  const result = await attempt(web.locale, () => web.api.updateSupportSettings(community, input));
  if (!('data' in result)) return { supportSettingsSaved: result };
  const { fieldErrors, formError } = result.data;
  if (fieldErrors.contactCostCents) fieldErrors.contactCost = fieldErrors.contactCostCents;
  return refuse(fieldErrors, formError ?? '', result.init?.status ?? 422);
}

/** What the support settings intent answers, as the form reads it. */
interface SupportSettingsResult {
  supportSettingsSaved?: SupportSettingsDto;
  supportSettingsErrors?: ActionErrors;
  supportSettingsTyped?: Record<string, string>;
}

/** Formats cents as an amount for the form ("15.00"). */
const amountOf = (cents: number) => (cents / 100).toFixed(2);

/**
 * The peer-support section of the community settings page: posting limits, newcomer pre-moderation,
 * case escalation and reminder delays, contact cost and currency. A plain form (`intent=supportSettings`)
 * that works without JavaScript; each field shows its own error.
 */
export function SupportSettingsForm({ settings }: { settings: SupportSettingsDto }) {
  const t = useT();
  const result = useActionData<SupportSettingsResult>();
  const errors = result?.supportSettingsErrors?.fieldErrors;
  const saved = result?.supportSettingsSaved ?? settings;
  const typed = result?.supportSettingsTyped;
  const values = {
    ...Object.fromEntries(INTEGER_FIELDS.map((name) => [name, typed?.[name] ?? String(saved[name])])),
    contactCost: typed?.contactCost ?? amountOf(saved.contactCostCents),
    currency: typed?.currency ?? saved.currency,
    newcomerPremoderation: typed ? typed.newcomerPremoderation === 'on' : saved.newcomerPremoderation,
  } as Record<(typeof INTEGER_FIELDS)[number] | 'contactCost' | 'currency', string> & {
    newcomerPremoderation: boolean;
  };
  const number = (name: (typeof INTEGER_FIELDS)[number], label: string, help?: string) => (
    <Field
      label={label}
      name={name}
      type="number"
      inputMode="numeric"
      required
      defaultValue={values[name]}
      help={help}
      error={errors?.[name]}
    />
  );
  return (
    <section aria-labelledby="support-settings" className="staff-box">
      <h2 id="support-settings">{t('moderation.settings.title')}</h2>
      <p>{t('moderation.settings.intro')}</p>
      <FormMessage
        error={result?.supportSettingsErrors?.formError}
        success={result?.supportSettingsSaved ? t('moderation.settings.saved') : null}
      />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value={SUPPORT_SETTINGS_INTENT} />
        <fieldset>
          <legend>{t('moderation.settings.limits')}</legend>
          {number('burstPosts', t('moderation.settings.burstPosts'), t('moderation.settings.burstHelp'))}
          {number('burstSeconds', t('moderation.settings.burstSeconds'))}
          {number('hourlyPosts', t('moderation.settings.hourlyPosts'))}
        </fieldset>
        <fieldset>
          <legend>{t('moderation.settings.newcomers')}</legend>
          <Field
            label={t('moderation.settings.newcomerPremoderation')}
            name="newcomerPremoderation"
            type="checkbox"
            defaultChecked={values.newcomerPremoderation}
            error={errors?.newcomerPremoderation}
          />
          {number(
            'newcomerDays',
            t('moderation.settings.newcomerDays'),
            t('moderation.settings.newcomerHelp'),
          )}
          {number('newcomerPosts', t('moderation.settings.newcomerPosts'))}
        </fieldset>
        <fieldset>
          <legend>{t('moderation.settings.cases')}</legend>
          {number(
            'caseEscalationHours',
            t('moderation.settings.caseEscalationHours'),
            t('moderation.settings.hoursHelp'),
          )}
          {number(
            'solutionReminderHours',
            t('moderation.settings.solutionReminderHours'),
            t('moderation.settings.hoursHelp'),
          )}
          <Field
            label={t('moderation.settings.contactCost')}
            name="contactCost"
            inputMode="decimal"
            required
            defaultValue={values.contactCost}
            help={t('moderation.settings.contactCostHelp')}
            error={errors?.contactCost}
          />
          <Field
            label={t('moderation.settings.currency')}
            name="currency"
            required
            maxLength={3}
            autoCapitalize="characters"
            defaultValue={values.currency}
            error={errors?.currency}
          />
        </fieldset>
        <SubmitButton>{t('moderation.settings.submit')}</SubmitButton>
      </Form>
    </section>
  );
}
