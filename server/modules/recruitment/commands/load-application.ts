import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/database.ts';
import type { ApplicationRow } from '../../../platform/db/schema-recruitment.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { findCommunity } from '../../communities/communities.repository.ts';
import { applicantPolicy } from '../recruitment.policy.ts';
import { presentOwnApplication } from '../recruitment.presenter.ts';
import { findApplicationOfUser, findCampaign, panelStageOf } from '../recruitment.repository.ts';
import type { OwnApplicationDto } from '../recruitment.schemas.ts';
import { loadLink } from './load-recruitment.ts';

/**
 * Loads the actor's own application to the community of a campaign link, with the community.
 * @throws AppError(not_found | unauthenticated)
 */
export async function loadOwnApplication(ctx: Ctx, token: string) {
  const campaign = await loadLink(ctx.kernel.db, token);
  authorize(applicantPolicy, 'apply', ctx.actor, { applicantUserId: null });
  const app = await findApplicationOfUser(ctx.kernel.db, campaign.community_id, ctx.actor!.userId);
  if (!app) throw new AppError('not_found');
  authorize(applicantPolicy, 'own', ctx.actor, { applicantUserId: app.user_id });
  return { app, community: await communityOf(ctx.kernel.db, app.community_id) };
}

/** The community facts the admission needs (its cap is re-read, then locked, by the admission itself). */
export async function communityOf(db: Queryable, communityId: string) {
  const community = await findCommunity(db, communityId);
  if (!community) throw new AppError('not_found');
  return community;
}

/** An application as its applicant sees it. */
export async function presentOwn(
  db: Queryable,
  app: ApplicationRow,
  community: { name: string; slug: string },
): Promise<OwnApplicationDto> {
  const campaign = await findCampaign(db, app.community_id, app.campaign_id);
  return presentOwnApplication(app, community, await panelStageOf(db, app.member_id), campaign?.token ?? '');
}
