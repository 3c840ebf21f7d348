import { redirect } from 'react-router';
import { TokenLinkPage } from '../components/recruitment/token-link-page.tsx';
import { appContext } from '../context.ts';
import { attempt } from '../lib/errors.ts';
import { titled } from '../lib/meta.ts';
import type { Route } from './+types/recruit-offer.ts';

export const meta = titled('recruitment.offer.title');

/** Takes up the seat offered from the waitlist, then opens the community. */
export async function action({ context, params }: Route.ActionArgs) {
  const web = context.get(appContext);
  const result = await attempt(web.locale, () => web.api.acceptSeatOffer({ token: params.token }));
  if ('link' in result)
    return redirect(web.viewer ? `/c/${result.communitySlug}` : `/signin?next=/c/${result.communitySlug}`);
  return result;
}

/** The seat offer link's page. */
export default function RecruitOffer() {
  return (
    <TokenLinkPage
      titleKey="recruitment.offer.title"
      leadKey="recruitment.offer.lead"
      submitKey="recruitment.offer.submit"
    />
  );
}
