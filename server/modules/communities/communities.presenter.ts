import { communityLivePolicy } from '../live/live.policy.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import { abilitiesOf } from '../../platform/authz/policy.ts';
import type { CommunityRow } from '../../platform/db/schema.ts';
import { memberPolicy } from '../members/members.policy.ts';
import { communityCasePolicy } from '../support/cases/cases.policy.ts';
import { moderationPolicy } from '../moderation/moderation.policy.ts';
import { deflectionPolicy } from '../search/search.policy.ts';
import { leaderboardPolicy, pointsPolicy } from '../rewards/rewards.policy.ts';
import { cataloguePolicy } from '../rewards/catalogue/catalogue.policy.ts';
import { researchPolicy } from '../research/research.policy.ts';
import { recruitmentPolicy } from '../recruitment/recruitment.policy.ts';
import { type CommunityResource, communityPolicy } from './communities.policy.ts';
import type { CommunityDto, CommunityPageDto } from './communities.schemas.ts';

/**
 * Presents a community row for a viewer: an explicit allow-list of fields plus the viewer's abilities
 * (community and membership policies), which the web uses to show only what they may do.
 * @throws Error when the row was read without its member count (`memberCount: false`): a programming error.
 */
export function presentCommunity(
  row: CommunityRow & { members_count: number | null },
  viewer: Actor | null,
  access: Pick<CommunityResource, 'membership' | 'invited'>,
): CommunityDto {
  if (row.members_count === null) throw new Error('presentCommunity needs a row read with its member count');
  return { ...presentCommunityPage(row, viewer, access), membersCount: Number(row.members_count) };
}

/** Presents a community for a web page's layout: as `presentCommunity`, its member count null if not read. */
export function presentCommunityPage(
  row: CommunityRow & { members_count: number | null },
  viewer: Actor | null,
  access: Pick<CommunityResource, 'membership' | 'invited'>,
): CommunityPageDto {
  const membership = access.membership;
  const resource: CommunityResource = { community: row, membership, invited: access.invited };
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    defaultLocale: row.default_locale,
    visibility: row.visibility,
    joinPolicy: row.join_policy,
    memberCap: row.member_cap,
    logoUrl: row.logo_url,
    primaryColor: row.primary_color,
    accentColor: row.accent_color,
    membersCount: row.members_count === null ? null : Number(row.members_count),
    createdAt: row.created_at.toISOString(),
    viewerMembership: membership
      ? {
          id: membership.id,
          pseudonym: membership.pseudonym,
          role: membership.role,
          status: membership.status,
        }
      : null,
    abilities: {
      ...abilitiesOf(communityPolicy, viewer, resource),
      ...abilitiesOf(memberPolicy, viewer, resource),
      ...abilitiesOf(communityCasePolicy, viewer, resource),
      ...abilitiesOf(moderationPolicy, viewer, resource),
      ...abilitiesOf(deflectionPolicy, viewer, resource),
      ...abilitiesOf(pointsPolicy, viewer, resource),
      ...abilitiesOf(leaderboardPolicy, viewer, resource),
      ...abilitiesOf(cataloguePolicy, viewer, resource),
      ...abilitiesOf(communityLivePolicy, viewer, resource),
      ...abilitiesOf(researchPolicy, viewer, resource),
      ...abilitiesOf(recruitmentPolicy, viewer, resource),
    },
  };
}
