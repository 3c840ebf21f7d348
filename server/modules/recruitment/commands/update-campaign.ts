import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { writeAudit } from '../../../platform/audit.ts';
import type { Answers } from '../../research/survey-engine.ts';
import { cellsOf } from '../recruitment-rules.ts';
import { RecruitmentEvents } from '../recruitment.events.ts';
import { recruitmentPolicy } from '../recruitment.policy.ts';
import { presentCampaign } from '../recruitment.presenter.ts';
import {
  campaignAnswers,
  findCampaign,
  lockCampaign,
  updateApplication,
  updateCampaignRow,
} from '../recruitment.repository.ts';
import { type CampaignDto, UpdateCampaignBody } from '../recruitment.schemas.ts';
import { checkedCampaign } from './create-campaign.ts';
import { promoteOverQuota } from '../quota-promotion.ts';
import { loadRecruitment, quotaFillOf } from './load-recruitment.ts';

/**
 * Edits a campaign (staff): its name, screener, rules, quotas, mapping, target, invitation lifetime and
 * whether its link is open, checked as at creation. Its applications are kept as they are; under the
 * campaign's lock (the lock applications take) the quota cells of each are recounted from its answers with
 * the new quotas, so the fill and later quota checks follow the edit; room the edit made goes to the
 * campaign's over-quota applicants in application order (`promoteOverQuota`). Emits `campaign.updated`; audited.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden)
 */
export async function updateCampaign({
  ctx,
  community: key,
  campaignId,
  input,
}: {
  ctx: Ctx;
  community: string;
  campaignId: string;
  input: unknown;
}): Promise<CampaignDto> {
  const body = validate(UpdateCampaignBody, input);
  const loaded = await loadRecruitment(ctx, key);
  authorize(recruitmentPolicy, 'manageRecruitment', ctx.actor, loaded);
  const { community } = loaded;
  if (!(await findCampaign(ctx.kernel.db, community.id, campaignId))) throw new AppError('not_found');
  const parts = await checkedCampaign(ctx.kernel.db, community.id, body);
  const actorUserId = ctx.actor!.userId;
  const row = await transact(ctx.kernel, async (trx, emit) => {
    const before = await lockCampaign(trx, campaignId);
    const updated = await updateCampaignRow(trx, campaignId, {
      name: body.name.trim(),
      screener: JSON.stringify(body.screener),
      rules: JSON.stringify(parts.rules),
      quotas: JSON.stringify(parts.quotas),
      attribute_map: JSON.stringify(parts.attributeMap),
      target: body.target,
      ...(body.invitationDays !== undefined ? { invitation_days: body.invitationDays } : {}),
      ...(body.open !== undefined ? { open: body.open } : {}),
    });
    for (const app of await campaignAnswers(trx, campaignId)) {
      const cells = cellsOf(parts.quotas, app.answers as Answers);
      if (JSON.stringify(cells) !== JSON.stringify(app.quota_cells))
        await updateApplication(trx, app.id, { quota_cells: JSON.stringify(cells) });
    }
    await emit({
      type: RecruitmentEvents.campaignUpdated,
      communityId: community.id,
      actorUserId,
      payload: { communityId: community.id, campaignId },
    });
    await writeAudit(trx, {
      communityId: community.id,
      actorUserId,
      action: 'campaign.update',
      targetType: 'recruitment_campaign',
      targetId: campaignId,
      data: { quotasBefore: before.quotas, quotasAfter: parts.quotas, open: updated.open },
    });
    // Raised (or lifted) quotas make room: the next over quota in each freed cell take it, in order.
    await promoteOverQuota(ctx.kernel, trx, emit, campaignId);
    return updated;
  });
  return presentCampaign(row, await quotaFillOf(ctx.kernel.db, row));
}
