import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { recruitmentPolicy } from '../recruitment.policy.ts';
import { presentCampaign } from '../recruitment.presenter.ts';
import { listCampaignRows } from '../recruitment.repository.ts';
import type { CampaignDto } from '../recruitment.schemas.ts';
import { loadCampaign, loadRecruitment, quotaFillOf, quotaFillsOf } from './load-recruitment.ts';

/**
 * One campaign with its quota fill (staff).
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function getCampaign({
  ctx,
  community: key,
  campaignId,
}: {
  ctx: Ctx;
  community: string;
  campaignId: string;
}): Promise<CampaignDto> {
  const loaded = await loadRecruitment(ctx, key);
  authorize(recruitmentPolicy, 'manageRecruitment', ctx.actor, loaded);
  const row = await loadCampaign(ctx.kernel.db, loaded.community.id, campaignId);
  return presentCampaign(row, await quotaFillOf(ctx.kernel.db, row));
}

/**
 * The community's campaigns, newest first, with their quota fill (staff).
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function listCampaigns({
  ctx,
  community: key,
}: {
  ctx: Ctx;
  community: string;
}): Promise<{ items: CampaignDto[] }> {
  const loaded = await loadRecruitment(ctx, key);
  authorize(recruitmentPolicy, 'manageRecruitment', ctx.actor, loaded);
  const rows = await listCampaignRows(ctx.kernel.db, loaded.community.id);
  const fills = await quotaFillsOf(ctx.kernel.db, rows);
  return { items: rows.map((row) => presentCampaign(row, fills.get(row.id)!)) };
}
