import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { validate } from '../../../platform/http/validation.ts';
import { recruitmentPolicy } from '../recruitment.policy.ts';
import { presentApplication } from '../recruitment.presenter.ts';
import { listApplicationRows } from '../recruitment.repository.ts';
import { type ApplicationDto, ListApplicationsQuery } from '../recruitment.schemas.ts';
import { loadRecruitment } from './load-recruitment.ts';

/**
 * The community's applications (staff), newest first, at most 500; filtered by status and campaign. The
 * waitlist (`status=waitlisted`) comes in its order.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden)
 */
export async function listApplications({
  ctx,
  community: key,
  query,
}: {
  ctx: Ctx;
  community: string;
  query: unknown;
}): Promise<{ items: ApplicationDto[] }> {
  const filter = validate(ListApplicationsQuery, query);
  const loaded = await loadRecruitment(ctx, key);
  authorize(recruitmentPolicy, 'manageRecruitment', ctx.actor, loaded);
  const rows = await listApplicationRows(ctx.kernel.db, loaded.community.id, {
    status: filter.status,
    campaignId: filter.campaign,
  });
  return { items: rows.map(presentApplication) };
}
