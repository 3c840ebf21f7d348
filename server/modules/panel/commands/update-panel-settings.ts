import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { PanelEvents } from '../panel.events.ts';
import { panelPolicy } from '../panel.policy.ts';
import { presentPanelSettings } from '../panel-quality.presenter.ts';
import { type PanelSettingsDto, UpdatePanelSettingsBody } from '../panel-quality.schemas.ts';
import { findPanelSettings, type PanelSettings, upsertPanelSettings } from '../reliability.repository.ts';
import { loadPanel } from './load-panel.ts';

/**
 * Changes a community's panel settings (community admins). Scores already computed keep their value until
 * their inputs change. Emits `panel_settings.updated`; audited.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden)
 */
export async function updatePanelSettings({
  ctx,
  community,
  input,
}: {
  ctx: Ctx;
  community: string;
  input: unknown;
}): Promise<PanelSettingsDto> {
  const body = validate(UpdatePanelSettingsBody, input);
  const resource = await loadPanel(ctx, community);
  authorize(panelPolicy, 'configurePanel', ctx.actor, resource);
  const communityId = resource.community.id;
  const next = await transact(ctx.kernel, async (trx, emit) => {
    const current = await findPanelSettings(trx, communityId);
    const settings: PanelSettings = {
      probation_activities: body.probationActivities ?? current.probation_activities,
      probation_days: body.probationDays ?? current.probation_days,
      review_threshold: body.reviewThreshold ?? current.review_threshold,
      speeding_percent: body.speedingPercent ?? current.speeding_percent,
      dormant_days: body.dormantDays ?? current.dormant_days,
    };
    await upsertPanelSettings(trx, communityId, settings);
    await emit({
      type: PanelEvents.settingsUpdated,
      communityId,
      actorUserId: ctx.actor!.userId,
      payload: { communityId, changed: Object.keys(body) },
    });
    await writeAudit(trx, {
      communityId,
      actorUserId: ctx.actor!.userId,
      action: 'panel_settings.update',
      targetType: 'community',
      targetId: communityId,
      data: { from: current, to: settings },
    });
    return settings;
  });
  return presentPanelSettings(next);
}
