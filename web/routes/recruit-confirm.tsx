import { redirect } from 'react-router';
import { TokenLinkPage } from '../components/recruitment/token-link-page.tsx';
import { appContext } from '../context.ts';
import { attempt } from '../lib/errors.ts';
import { titled } from '../lib/meta.ts';
import type { Route } from './+types/recruit-confirm.ts';

export const meta = titled('recruitment.confirm.title');

/** Confirms the applicant's email (double opt-in), then shows their application and the SMS step. */
export async function action({ context, params }: Route.ActionArgs) {
  const web = context.get(appContext);
  const result = await attempt(web.locale, () => web.api.confirmApplicationEmail({ token: params.token }));
  if ('link' in result)
    return redirect(web.viewer ? `/recruit/${result.link}` : `/signin?next=/recruit/${result.link}`);
  return result;
}

/** The double opt-in link's page. */
export default function RecruitConfirm() {
  return (
    <TokenLinkPage
      titleKey="recruitment.confirm.title"
      leadKey="recruitment.confirm.lead"
      submitKey="recruitment.confirm.submit"
    />
  );
}
