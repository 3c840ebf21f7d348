import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { panelPolicy } from '../panel.policy.ts';
import { presentPanelSettings } from '../panel-quality.presenter.ts';
import type { PanelSettingsDto } from '../panel-quality.schemas.ts';
import { findPanelSettings } from '../reliability.repository.ts';
import { loadPanel } from './load-panel.ts';

/**
 * A community's panel settings (staff): probation length, review threshold, speeding percentage.
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function getPanelSettings({
  ctx,
  community,
}: {
  ctx: Ctx;
  community: string;
}): Promise<PanelSettingsDto> {
  const resource = await loadPanel(ctx, community);
  authorize(panelPolicy, 'reviewMembers', ctx.actor, resource);
  return presentPanelSettings(await findPanelSettings(ctx.kernel.db, resource.community.id));
}
