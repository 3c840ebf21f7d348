import { data, Link, useActionData } from 'react-router';
import type { ImportResultDto } from '../../server/modules/recruitment/recruitment.schemas.ts';
import { ContactImport, ImportReport } from '../components/recruitment/contact-import.tsx';
import { appContext } from '../context.ts';
import { type ActionErrors, attempt, guard, text } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';
import { csvBatches } from '../lib/recruitment-form.ts';
import { requireAbility } from '../lib/staff.ts';
import type { Route } from './+types/recruit-import.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  await requireAbility(web, params.slug, 'manageRecruitment', request);
  return guard(web.locale, () => web.api.getCampaign(params.slug, params.campaignId));
}

export const meta = titled('recruitment.import.title');

/** Without JavaScript: the whole file is read here and sent to the import batch by batch. */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const file = form.get('file');
  const csv = file && typeof file !== 'string' ? await file.text() : '';
  const mapping: Record<string, string> = { email: text(form, 'email') };
  for (const key of ['phone', 'name', 'locale']) if (text(form, key)) mapping[key] = text(form, key);
  const preview = text(form, 'intent') === 'preview';
  const { header, batches } = csvBatches(csv, 500);
  const total: ImportResultDto = { preview, invited: 0, duplicates: 0, invalid: 0, rows: [] };
  let line = 2;
  for (const rows of batches.length > 0 ? batches : [[]]) {
    const result = await attempt(web.locale, () =>
      web.api.importCampaignContacts(params.slug, params.campaignId, {
        csv: [header, ...rows].join('\n') || ' ',
        mapping,
        preview,
        firstLine: line,
        defaultLocale: text(form, 'defaultLocale') === 'en' ? 'en' : 'fr',
      }),
    );
    if (!('rows' in result))
      return data<ActionErrors & { report: ImportResultDto }>(
        { ...result.data, report: total },
        result.init ?? undefined,
      );
    total.invited += result.invited;
    total.duplicates += result.duplicates;
    total.invalid += result.invalid;
    total.rows.push(...result.rows);
    line += rows.length;
  }
  return { report: total, fieldErrors: null, formError: null };
}

/** Invitations from a customer file (staff): mapping, preview, per-row results, progress. */
export default function RecruitImport({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  const result = useActionData<typeof action>() as
    | { report: ImportResultDto | null; fieldErrors: Record<string, string> | null; formError: string | null }
    | undefined;
  const errors = result?.fieldErrors
    ? { fieldErrors: result.fieldErrors, formError: result.formError }
    : null;
  return (
    <section>
      <p className="meta">
        <Link to={`/c/${params.slug}/recruitment`}>{t('recruitment.campaigns.title')}</Link>
      </p>
      <h1>
        {t('recruitment.import.title')} — {loaderData.name}
      </h1>
      <p className="lead">{t('recruitment.import.lead', { days: loaderData.invitationDays })}</p>
      <ContactImport
        apiPath={`/api/v1/communities/${params.slug}/campaigns/${params.campaignId}/contacts`}
        errors={errors}
      />
      {result?.report && result.report.rows.length > 0 ? <ImportReport report={result.report} /> : null}
    </section>
  );
}
