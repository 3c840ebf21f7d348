import { Link } from 'react-router';
import { appContext } from '../context.ts';
import { guard } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';
import { requireAbility } from '../lib/staff.ts';
import type { Route } from './+types/recruit-qr.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  const community = await requireAbility(web, params.slug, 'manageRecruitment', request);
  const campaign = await guard(web.locale, () => web.api.getCampaign(params.slug, params.campaignId));
  const qr = await guard(web.locale, () => web.api.getCampaignQrCode(params.slug, params.campaignId));
  return { community: community.name, campaign: campaign.name, ...qr };
}

export const meta = titled('recruitment.qr.title');

/**
 * A printable poster for stores: the invitation to apply, the QR code of the public link and the link
 * itself. The SVG is made by the server from the link alone (paths and rectangles, no text or script).
 */
export default function RecruitQr({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  return (
    <section className="qr-poster">
      <p className="meta no-print">
        <Link to={`/c/${params.slug}/recruitment`}>{t('recruitment.campaigns.title')}</Link> ·{' '}
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {t('recruitment.qr.print')}
        </button>
      </p>
      <h1>{t('recruitment.qr.heading', { community: loaderData.community })}</h1>
      <p className="lead">{t('recruitment.qr.lead')}</p>
      <div
        className="qr-poster__code"
        role="img"
        aria-label={t('recruitment.qr.alt', { url: loaderData.url })}
        dangerouslySetInnerHTML={{ __html: loaderData.svg }}
      />
      <p className="qr-poster__url">{loaderData.url}</p>
      <p className="meta">{loaderData.campaign}</p>
    </section>
  );
}
