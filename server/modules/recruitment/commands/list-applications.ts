import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { decodeCursor, toPage } from '../../../platform/http/pagination.ts';
import { validate } from '../../../platform/http/validation.ts';
import { recruitmentPolicy } from '../recruitment.policy.ts';
import { presentApplication } from '../recruitment.presenter.ts';
import { listApplicationRows } from '../recruitment.repository.ts';
import { type ApplicationDto, ListApplicationsQuery } from '../recruitment.schemas.ts';
import { loadRecruitment } from './load-recruitment.ts';

/**
 * One page of the community's applications (staff), newest first, filtered by status and campaign; the
 * waitlist (`status=waitlisted`) comes in its order. `limit` (1–100, default 20) and the `cursor` of the page before.
 * @throws AppError(validation_failed | bad_request: malformed cursor | not_found | unauthenticated | forbidden)
 */
export async function listApplications({
  ctx,
  community: key,
  query,
}: {
  ctx: Ctx;
  community: string;
  query: unknown;
}): Promise<{ items: ApplicationDto[]; nextCursor: string | null }> {
  const filter = validate(ListApplicationsQuery, query);
  const waitlist = filter.status === 'waitlisted';
  const after = decodeCursor(filter.cursor, [waitlist ? 'string' : 'timestamp', 'uuid']) as
    [string, string] | null;
  if (after && waitlist && !/^\d{1,9}$/.test(after[0]))
    throw new AppError('bad_request', { detail: 'Malformed cursor' });
  const loaded = await loadRecruitment(ctx, key);
  authorize(recruitmentPolicy, 'manageRecruitment', ctx.actor, loaded);
  const limit = filter.limit ?? 20;
  const rows = await listApplicationRows(ctx.kernel.db, loaded.community.id, {
    status: filter.status,
    campaignId: filter.campaign,
    limit,
    after,
  });
  return toPage(rows, limit, presentApplication, (r) =>
    waitlist ? [String(r.waitlist_position ?? 0), r.id] : [r.cursor_at, r.id],
  );
}
