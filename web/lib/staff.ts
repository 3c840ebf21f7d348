import { data, redirect } from 'react-router';
import { translate } from '../../common/i18n/index.ts';
import type { CommunityDto } from '../../server/modules/communities/communities.schemas.ts';
import type { WebContext } from '../../server/web/web-context.ts';
import { guard } from './errors.ts';

/**
 * Loads a community for a staff page and checks the ability the page needs (from the policy's abilities):
 * anonymous visitors are sent to sign in, others without the ability get a 403 page.
 */
export async function requireAbility(
  web: WebContext,
  slug: string,
  ability: string,
  request: Request,
): Promise<CommunityDto> {
  const community = await guard(web.locale, () => web.api.getCommunity(slug));
  if (community.abilities[ability]) return community;
  if (!web.viewer) {
    const url = new URL(request.url);
    throw redirect(`/signin?next=${encodeURIComponent(url.pathname + url.search)}`);
  }
  throw data({ code: 'forbidden', message: translate(web.locale, 'error.forbidden') }, { status: 403 });
}
