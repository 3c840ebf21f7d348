import { writeAudit } from '../../../platform/audit.ts';
import { abilitiesOf, authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import type { PointRule } from '../point-rules.ts';
import {
  loadPointRules,
  loadRewardsSettings,
  upsertPointRules,
  upsertRewardsSettings,
} from '../points.repository.ts';
import { PointsEvents } from '../rewards.events.ts';
import { pointsPolicy } from '../rewards.policy.ts';
import { presentPointRules } from '../rewards.presenter.ts';
import { type PointRulesDto, UpdatePointRulesBody } from '../rewards.schemas.ts';

/**
 * Changes some point rules (amount 0–10,000, daily cap in points or none, on/off) and/or the settings
 * (review period, per-pair daily cap, burst threshold) of a community: its admins and platform admins.
 * An action listed twice is refused. Audited with what changed; emits `point_rules.updated` (nothing
 * when nothing changed).
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden)
 */
export async function updatePointRules({
  ctx,
  community,
  input,
}: {
  ctx: Ctx;
  community: string;
  input: unknown;
}): Promise<PointRulesDto> {
  const body = validate(UpdatePointRulesBody, input);
  const seen = new Set<string>();
  (body.rules ?? []).forEach((r, i) => {
    if (seen.has(r.action)) throw AppError.field(`/rules/${i}/action`, 'points.validation.duplicateAction');
    seen.add(r.action);
  });
  const loaded = await loadCommunity(ctx, community);
  authorize(pointsPolicy, 'configurePoints', ctx.actor, loaded);
  const communityId = loaded.community.id;
  const actorUserId = ctx.actor!.userId;
  const saved = await transact(ctx.kernel, async (trx, emit) => {
    const [rules, settings] = await Promise.all([
      loadPointRules(trx, communityId),
      loadRewardsSettings(trx, communityId),
    ]);
    const changedRules: PointRule[] = [];
    for (const input of body.rules ?? []) {
      const current = rules.find((r) => r.action === input.action)!;
      const next = { ...current, points: input.points, dailyCap: input.dailyCap, enabled: input.enabled };
      if (
        next.points !== current.points ||
        next.dailyCap !== current.dailyCap ||
        next.enabled !== current.enabled
      )
        changedRules.push(next);
    }
    const nextSettings = { ...settings, ...body.settings };
    const changedSettings = (Object.keys(body.settings ?? {}) as (keyof typeof settings)[]).filter(
      (k) => settings[k] !== nextSettings[k],
    );
    if (changedRules.length > 0) await upsertPointRules(trx, communityId, changedRules);
    if (changedSettings.length > 0) await upsertRewardsSettings(trx, communityId, nextSettings);
    const after = rules.map((r) => changedRules.find((c) => c.action === r.action) ?? r);
    if (changedRules.length === 0 && changedSettings.length === 0) return { rules: after, settings };
    const data = {
      rules: changedRules.map((r) => ({
        action: r.action,
        points: r.points,
        dailyCap: r.dailyCap,
        enabled: r.enabled,
      })),
      settings: Object.fromEntries(changedSettings.map((k) => [k, nextSettings[k]])),
    };
    await writeAudit(trx, {
      communityId,
      actorUserId,
      action: 'point_rules.update',
      targetType: 'community',
      targetId: communityId,
      data,
    });
    await emit({
      type: PointsEvents.rulesUpdated,
      communityId,
      actorUserId,
      payload: { communityId, actions: changedRules.map((r) => r.action), settings: changedSettings },
    });
    return { rules: after, settings: nextSettings };
  });
  return presentPointRules(saved.rules, saved.settings, abilitiesOf(pointsPolicy, ctx.actor, loaded));
}
