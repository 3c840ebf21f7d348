import { type Actor, hasRole } from '../../../platform/authz/actor.ts';
import { definePolicy } from '../../../platform/authz/policy.ts';
import { type CommunityResource, communityPolicy } from '../../communities/communities.policy.ts';

/** A community as seen by one actor (the catalogue's abilities depend on the membership only). */
export type CatalogueResource = CommunityResource;

/** A redemption as seen by one actor: the community facts and the redeeming member. */
export interface RedemptionResource extends CatalogueResource {
  redemption: { member_id: string; status: string };
}

const manages = (actor: Actor | null, { membership }: CatalogueResource) =>
  !!actor?.isPlatformAdmin || hasRole(membership, ['admin', 'moderator']);
const redeems = (_actor: Actor | null, { membership }: CatalogueResource) =>
  hasRole(membership, ['member', 'expert']);
const listsOwn = (actor: Actor | null, { membership }: CatalogueResource) =>
  !!actor && !!membership && membership.status === 'active';

/**
 * Who may do what with a community's rewards (DESIGN rule 3). Community managers (moderators, admins)
 * and platform admins run the catalogue and the redemption queue; active members and experts spend
 * their points; staff roles (observers, moderators, admins) do not redeem.
 */
export const cataloguePolicy = definePolicy<CatalogueResource>()({
  /** See the catalogue: whoever reads the community's content. */
  viewRewards: (actor, resource) => communityPolicy.viewContent(actor, resource),
  /** Redeem a reward with one's own points. */
  redeemRewards: redeems,
  /** List one's own redemptions (any active membership). */
  listOwnRedemptions: listsOwn,
  /** Create and edit rewards, import voucher codes, see inactive rewards, work the redemption queue. */
  manageRewards: manages,
});

/** What one actor may do with one redemption. */
export const redemptionPolicy = definePolicy<RedemptionResource>()({
  /** Cancel one's own redemption (the command checks that it still waits for staff). */
  cancel: (actor, resource) =>
    listsOwn(actor, resource) && resource.membership!.id === resource.redemption.member_id,
  /** Approve, reject or fulfil it. */
  decide: (actor, resource) => manages(actor, resource),
});
