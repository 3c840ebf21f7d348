import type { CSSProperties } from 'react';
import { data, Form, NavLink, Outlet, useRouteLoaderData } from 'react-router';
import { CACHE_DIRECTIVE_HEADER, cacheDirective } from '../../common/http-cache.ts';
import type { CommunityPageDto } from '../../server/modules/communities/communities.schemas.ts';
import { appContext } from '../context.ts';
import { guard } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import type { Route } from './+types/community.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  // An invitation link (`?code=`) reveals a hidden community to the person invited.
  const code = new URL(request.url).searchParams.get('code') ?? undefined;
  // The member count is not shown on a topic's pages (the most read): not counted for them.
  const memberCount = !('topicId' in params);
  const community = await guard(web.locale, () =>
    web.api.getCommunityPage(params.slug, { invitationCode: code, memberCount }),
  );
  // What an anonymous visitor is shown holds nothing personal: its pages are kept a few seconds and
  // dropped by the community's events (a page under it that exports its own headers decides for itself).
  const headers: HeadersInit = web.viewer
    ? {}
    : { [CACHE_DIRECTIVE_HEADER]: cacheDirective(10, [`community:${community.id}`]) };
  return data(community, { headers });
}

/** The caching directive of the community's pages comes from this loader. */
export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: Route.MetaFunction = ({ loaderData: data }) =>
  data
    ? [
        { title: `${data.name} · Cercle` },
        { name: 'description', content: data.description },
        { property: 'og:title', content: data.name },
        ...(data.visibility === 'public' ? [] : [{ name: 'robots', content: 'noindex' }]),
      ]
    : [];

/** The community the current page is about (from the `c/:slug` layout loader). */
export function useCommunity(): CommunityPageDto {
  return useRouteLoaderData('routes/community') as CommunityPageDto;
}

export default function CommunityLayout({ loaderData: community }: Route.ComponentProps) {
  const t = useT();
  const a = community.abilities;
  const style = { '--brand': community.primaryColor, '--accent': community.accentColor } as CSSProperties;
  return (
    <div className="community" style={style}>
      <div className="community__band">
        {community.logoUrl ? <img src={community.logoUrl} alt="" className="community__logo" /> : null}
        <p className="community__name">
          <NavLink to={`/c/${community.slug}`} end>
            {community.name}
          </NavLink>
        </p>
        {community.abilities.viewContent ? (
          <Form
            method="get"
            action={`/c/${community.slug}/search`}
            role="search"
            className="community__search"
          >
            <label htmlFor="community-search" className="visually-hidden">
              {t('search.box')}
            </label>
            <input id="community-search" type="search" name="q" required maxLength={200} />
            <button type="submit" className="button button--small">
              {t('search.submit')}
            </button>
          </Form>
        ) : null}
        {a.listOwnQuestions ? (
          <p className="community__mine">
            <NavLink to={`/c/${community.slug}/my-questions`}>{t('myQuestions.nav')}</NavLink>
          </p>
        ) : null}
        {a.viewPoints || a.viewLeaderboard || (a.viewRewards && (a.listOwnRedemptions || a.redeemRewards)) ? (
          <p className="community__mine">
            {a.viewPoints ? <NavLink to={`/c/${community.slug}/points`}>{t('points.nav')}</NavLink> : null}
            {a.viewPoints && a.viewLeaderboard ? ' · ' : null}
            {a.viewLeaderboard ? (
              <NavLink to={`/c/${community.slug}/leaderboard`}>{t('points.leaderboard.nav')}</NavLink>
            ) : null}
            {(a.viewPoints || a.viewLeaderboard) && a.viewRewards && (a.listOwnRedemptions || a.redeemRewards)
              ? ' · '
              : null}
            {a.viewRewards && (a.listOwnRedemptions || a.redeemRewards) ? (
              <NavLink to={`/c/${community.slug}/rewards`} end>
                {t('rewards.nav')}
              </NavLink>
            ) : null}
          </p>
        ) : null}
        {a.listOwnSessions || a.manageSessions ? (
          <p className="community__mine">
            <NavLink to={`/c/${community.slug}/live`}>{t('live.nav')}</NavLink>
          </p>
        ) : null}
        {a.answerSurveys ? (
          <p className="community__mine">
            <NavLink to={`/c/${community.slug}/research`}>{t('research.nav.surveys')}</NavLink>{' '}
            <NavLink to={`/c/${community.slug}/profile`}>{t('research.nav.profile')}</NavLink>
          </p>
        ) : null}
        {a.manageMembers ||
        a.update ||
        a.viewAccessLog ||
        a.moderateContent ||
        a.viewDeflectionStats ||
        a.workCases ||
        a.managePoints ||
        a.manageRewards ||
        a.viewResearchResults ||
        a.manageRecruitment ? (
          <nav aria-label={t('community.staff')} className="tabs">
            <ul>
              {a.manageMembers ? (
                <li>
                  <NavLink to={`/c/${community.slug}/members`}>{t('community.members')}</NavLink>
                </li>
              ) : null}
              {a.moderateContent ? (
                <li>
                  <NavLink to={`/c/${community.slug}/moderation`}>{t('moderation.queue')}</NavLink>
                </li>
              ) : null}
              {a.workCases ? (
                <li>
                  <NavLink to={`/c/${community.slug}/cases`}>{t('case.nav')}</NavLink>
                </li>
              ) : null}
              {a.manageRewards ? (
                <li>
                  <NavLink to={`/c/${community.slug}/rewards/admin`}>{t('rewards.navAdmin')}</NavLink>
                </li>
              ) : null}
              {a.update ? (
                <li>
                  <NavLink to={`/c/${community.slug}/settings`}>{t('community.settings')}</NavLink>
                </li>
              ) : null}
              {a.viewDeflectionStats ? (
                <li>
                  <NavLink to={`/c/${community.slug}/insights/deflection`}>{t('deflection.title')}</NavLink>
                </li>
              ) : null}
              {a.viewAccessLog ? (
                <li>
                  <NavLink to={`/c/${community.slug}/access-log`}>{t('community.accessLog')}</NavLink>
                </li>
              ) : null}
              {a.managePoints ? (
                <li>
                  <NavLink to={`/c/${community.slug}/points/admin`}>{t('points.admin.nav')}</NavLink>
                </li>
              ) : null}
              {a.viewResearchResults ? (
                <li>
                  <NavLink to={`/c/${community.slug}/research`}>{t('research.nav.research')}</NavLink>
                </li>
              ) : null}
              {a.manageRecruitment ? (
                <li>
                  <NavLink to={`/c/${community.slug}/recruitment`}>{t('recruitment.nav')}</NavLink>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </div>
      <Outlet />
    </div>
  );
}
