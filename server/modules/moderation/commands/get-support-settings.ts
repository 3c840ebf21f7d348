import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { loadSupportSettings } from '../../support/support-settings.ts';
import { moderationPolicy } from '../moderation.policy.ts';
import { presentSupportSettings } from '../moderation.presenter.ts';
import type { SupportSettingsDto } from '../moderation.schemas.ts';

/**
 * A community's peer-support settings (the defaults until changed), for its admins.
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function getSupportSettings({
  ctx,
  community,
}: {
  ctx: Ctx;
  community: string;
}): Promise<SupportSettingsDto> {
  const loaded = await loadCommunity(ctx, community);
  authorize(moderationPolicy, 'manageSupportSettings', ctx.actor, loaded);
  return presentSupportSettings(await loadSupportSettings(ctx.kernel.db, loaded.community.id));
}
