import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/database.ts';
import { newId } from '../../../platform/db/ids.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { findAttributeRows } from '../../panel/panel.repository.ts';
import { checkDefinition } from '../../research/survey-definition.ts';
import { checkCampaign, newToken } from '../recruitment-rules.ts';
import { RecruitmentEvents } from '../recruitment.events.ts';
import { recruitmentPolicy } from '../recruitment.policy.ts';
import { presentCampaign } from '../recruitment.presenter.ts';
import { insertCampaign } from '../recruitment.repository.ts';
import { type CampaignDto, CreateCampaignBody, type CreateCampaignInput } from '../recruitment.schemas.ts';
import { loadRecruitment, quotaFillOf } from './load-recruitment.ts';

/**
 * Checks a campaign's screener with the survey engine, then its rules, quotas and mapping against it and
 * the community's attributes; returns the rules, quotas and mapping (empty when not given).
 * @throws AppError(validation_failed at /screener/…, /rules/N, /quotas/N or /attributeMap/N)
 */
export async function checkedCampaign(db: Queryable, communityId: string, body: CreateCampaignInput) {
  checkDefinition(body.screener, '/screener', { stimuli: false });
  const parts = { rules: body.rules ?? [], quotas: body.quotas ?? [], attributeMap: body.attributeMap ?? [] };
  const attributes = await findAttributeRows(
    db,
    communityId,
    parts.attributeMap.map((m) => m.attributeId),
  );
  checkCampaign(body.screener, parts, new Map(attributes.map((a) => [a.id, a])));
  return parts;
}

/**
 * Creates a recruitment campaign (staff): a screener built with the survey engine, its qualify/disqualify
 * rules, quotas, the questions copied to profile attributes, and a public link token. Emits
 * `campaign.created`.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden)
 */
export async function createCampaign({
  ctx,
  community: key,
  input,
}: {
  ctx: Ctx;
  community: string;
  input: unknown;
}): Promise<CampaignDto> {
  const body = validate(CreateCampaignBody, input);
  const loaded = await loadRecruitment(ctx, key);
  authorize(recruitmentPolicy, 'manageRecruitment', ctx.actor, loaded);
  const { community } = loaded;
  const parts = await checkedCampaign(ctx.kernel.db, community.id, body);
  const row = await transact(ctx.kernel, async (trx, emit) => {
    const created = await insertCampaign(trx, {
      id: newId(),
      community_id: community.id,
      name: body.name.trim(),
      token: newToken(),
      screener: JSON.stringify(body.screener),
      rules: JSON.stringify(parts.rules),
      quotas: JSON.stringify(parts.quotas),
      attribute_map: JSON.stringify(parts.attributeMap),
      target: body.target,
      invitation_days: body.invitationDays,
      created_by: ctx.actor!.userId,
    });
    await emit({
      type: RecruitmentEvents.campaignCreated,
      communityId: community.id,
      actorUserId: ctx.actor!.userId,
      payload: { communityId: community.id, campaignId: created.id },
    });
    return created;
  });
  return presentCampaign(row, await quotaFillOf(ctx.kernel.db, row));
}
