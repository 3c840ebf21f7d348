import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { loadSupportSettings, type SupportSettings } from '../../support/support-settings.ts';
import { ModerationEvents } from '../moderation.events.ts';
import { moderationPolicy } from '../moderation.policy.ts';
import { presentSupportSettings } from '../moderation.presenter.ts';
import { upsertSupportSettings } from '../moderation.repository.ts';
import { type SupportSettingsDto, UpdateSupportSettingsBody } from '../moderation.schemas.ts';

/**
 * Changes some of a community's peer-support settings (its admins and platform admins): case escalation
 * and reminder delays, contact cost and currency, posting rate limits, newcomer pre-moderation. Each field
 * is checked against the database's bounds. Writes the audit log with what changed and emits
 * `support_settings.updated` (nothing when nothing changed).
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden)
 */
export async function updateSupportSettings({
  ctx,
  community,
  input,
}: {
  ctx: Ctx;
  community: string;
  input: unknown;
}): Promise<SupportSettingsDto> {
  const body = validate(UpdateSupportSettingsBody, input);
  const loaded = await loadCommunity(ctx, community);
  authorize(moderationPolicy, 'manageSupportSettings', ctx.actor, loaded);
  const communityId = loaded.community.id;
  const saved = await transact(ctx.kernel, async (trx, emit) => {
    const current = await loadSupportSettings(trx, communityId);
    const next: SupportSettings = { ...current, ...body };
    const changed = (Object.keys(body) as (keyof SupportSettings)[]).filter((k) => current[k] !== next[k]);
    if (changed.length === 0) return current;
    await upsertSupportSettings(trx, communityId, next);
    const from = Object.fromEntries(changed.map((k) => [k, current[k]]));
    const to = Object.fromEntries(changed.map((k) => [k, next[k]]));
    await writeAudit(trx, {
      communityId,
      actorUserId: ctx.actor!.userId,
      action: 'support_settings.update',
      targetType: 'community',
      targetId: communityId,
      data: { from, to },
    });
    await emit({
      type: ModerationEvents.supportSettingsUpdated,
      communityId,
      actorUserId: ctx.actor!.userId,
      payload: { communityId, changed },
    });
    return next;
  });
  return presentSupportSettings(saved);
}
