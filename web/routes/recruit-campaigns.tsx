import { Link, redirect, useActionData } from 'react-router';
import { CampaignForm } from '../components/recruitment/campaign-form.tsx';
import { QuotaFillList } from '../components/recruitment/quota-fill.tsx';
import { appContext } from '../context.ts';
import { campaignAction, type CampaignActionData } from '../lib/campaign-action.ts';
import { guard } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';
import { CAMPAIGN_ROWS } from '../lib/recruitment-form.ts';
import { requireAbility } from '../lib/staff.ts';
import type { Route } from './+types/recruit-campaigns.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  await requireAbility(web, params.slug, 'manageRecruitment', request);
  const [list, attributes] = await guard(web.locale, () =>
    Promise.all([web.api.listCampaigns(params.slug), web.api.listProfileAttributes(params.slug)]),
  );
  return { ...list, attributes: attributes.items, publicUrl: web.publicUrl };
}

export const meta = titled('recruitment.campaigns.title');

/** Creates a campaign from the form builder (or adds a question block or rows to it). */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const result = await campaignAction(web.locale, form, (body) => web.api.createCampaign(params.slug, body));
  return result ?? redirect(`/c/${params.slug}/recruitment`);
}

/** Staff's recruitment page: the campaigns with their link, QR code and quota fill, and a new campaign. */
export default function RecruitCampaigns({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  const result = useActionData<typeof action>() as CampaignActionData;
  const errors = result?.fieldErrors
    ? { fieldErrors: result.fieldErrors, formError: result.formError ?? null }
    : null;
  const base = `/c/${params.slug}/recruitment`;
  return (
    <section>
      <h1>{t('recruitment.campaigns.title')}</h1>
      <p>
        <Link to={`${base}/applications`}>{t('recruitment.applications.title')}</Link>
      </p>
      {loaderData.items.length === 0 ? <p className="empty">{t('recruitment.campaigns.empty')}</p> : null}
      {loaderData.items.map((c) => {
        const link = `${loaderData.publicUrl}/recruit/${c.token}`;
        return (
          <article key={c.id} className="card">
            <h2>{c.name}</h2>
            <p>
              {t('recruitment.campaigns.link')}{' '}
              <a className="recruit-link" href={link}>
                {link}
              </a>
            </p>
            <p>{t('recruitment.campaigns.target', { count: c.target })}</p>
            <QuotaFillList cells={c.quotaFill} />
            <p className="actions">
              <Link to={`${base}/${c.id}/edit`}>{t('recruitment.campaigns.edit')}</Link> ·{' '}
              <Link to={`${base}/${c.id}/qr`}>{t('recruitment.campaigns.qr')}</Link> ·{' '}
              <Link to={`${base}/${c.id}/import`}>{t('recruitment.campaigns.import')}</Link> ·{' '}
              <Link to={`${base}/applications?campaign=${c.id}`}>{t('recruitment.applications.title')}</Link>
            </p>
          </article>
        );
      })}
      <h2>{t('recruitment.campaigns.new')}</h2>
      <CampaignForm
        values={result?.values ?? {}}
        count={result?.count ?? 3}
        rows={result?.rows ?? { rules: CAMPAIGN_ROWS, quotas: CAMPAIGN_ROWS, maps: CAMPAIGN_ROWS }}
        errors={errors}
        attributes={loaderData.attributes}
        editing={false}
      />
    </section>
  );
}
