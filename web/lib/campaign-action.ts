import type { Locale } from '../../common/i18n/index.ts';
import { attempt, text, withExtra } from './errors.ts';
import { campaignField, campaignFromForm, rowsFromForm } from './recruitment-form.ts';
import { formValues } from './survey-builder.ts';

/**
 * The campaign form's action, shared by the new and edit pages: `intent=add` adds a question block,
 * `intent=rows` one more row of rules, quotas and copies (both post the form back as typed); otherwise the
 * campaign is built from the form and `save`d. Returns null once saved (the page redirects), else what the
 * form shows again: the values, the question and row counts, and the API's errors next to their fields.
 */
export async function campaignAction(
  locale: Locale,
  form: FormData,
  save: (body: ReturnType<typeof campaignFromForm>['body']) => Promise<unknown>,
) {
  const intent = text(form, 'intent');
  const values = formValues(form);
  const count = Math.min(50, Math.max(1, Number(text(form, 'count')) || 3));
  const rows = rowsFromForm(form, intent === 'rows');
  if (intent === 'add') return { values, count: count + 1, rows, fieldErrors: {}, formError: null };
  if (intent === 'rows') return { values, count, rows, fieldErrors: {}, formError: null };
  const { body, places } = campaignFromForm(form, count, rows);
  const result = await attempt(
    locale,
    async () => {
      await save(body);
      return { saved: true as const };
    },
    (path) => campaignField(path, places),
  );
  if ('saved' in result) return null;
  return withExtra(result, { values, count, rows });
}

/** What the campaign form's action gives back to the page (when not saved). */
export type CampaignActionData =
  | {
      values?: Record<string, string>;
      count?: number;
      rows?: { rules: number; quotas: number; maps: number };
      fieldErrors?: Record<string, string>;
      formError?: string | null;
    }
  | undefined;
