import { Link, redirect, useActionData } from 'react-router';
import { CampaignForm } from '../components/recruitment/campaign-form.tsx';
import { appContext } from '../context.ts';
import { campaignAction, type CampaignActionData } from '../lib/campaign-action.ts';
import { guard } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';
import { valuesFromCampaign } from '../lib/recruitment-form.ts';
import { requireAbility } from '../lib/staff.ts';
import type { Route } from './+types/recruit-campaign-edit.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  await requireAbility(web, params.slug, 'manageRecruitment', request);
  const [campaign, attributes] = await guard(web.locale, () =>
    Promise.all([
      web.api.getCampaign(params.slug, params.campaignId),
      web.api.listProfileAttributes(params.slug),
    ]),
  );
  return { campaign, form: valuesFromCampaign(campaign), attributes: attributes.items };
}

export const meta = titled('recruitment.campaigns.editTitle');

/** Saves the edited campaign (its applications stay), or adds a question block or rows to the form. */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const result = await campaignAction(web.locale, form, (body) =>
    web.api.updateCampaign(params.slug, params.campaignId, { ...body, open: form.get('open') === 'on' }),
  );
  return result ?? redirect(`/c/${params.slug}/recruitment`);
}

/** Staff edit a campaign with the same form builder as a new one, filled with what the campaign holds. */
export default function RecruitCampaignEdit({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  const result = useActionData<typeof action>() as CampaignActionData;
  const errors = result?.fieldErrors
    ? { fieldErrors: result.fieldErrors, formError: result.formError ?? null }
    : null;
  const { form } = loaderData;
  return (
    <section>
      <p className="meta">
        <Link to={`/c/${params.slug}/recruitment`}>{t('recruitment.campaigns.title')}</Link>
      </p>
      <h1>{t('recruitment.campaigns.editTitle')}</h1>
      <p className="lead">{loaderData.campaign.name}</p>
      <p className="field__help">{t('recruitment.campaigns.editNote')}</p>
      <CampaignForm
        values={result?.values ?? form.values}
        count={result?.count ?? form.count}
        rows={result?.rows ?? form.rows}
        errors={errors}
        attributes={loaderData.attributes}
        editing
      />
    </section>
  );
}
