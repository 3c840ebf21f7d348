import { abilitiesOf, authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { panelPolicy, visibleAttributeKinds } from '../panel.policy.ts';
import { presentAttribute } from '../panel.presenter.ts';
import { listAttributeRows } from '../panel.repository.ts';
import type { ProfileAttributeDto } from '../panel.schemas.ts';
import { loadPanel } from './load-panel.ts';

/**
 * Lists the community's profile attributes the actor may see: every one for staff, the observer-visible
 * ones for observers, the member-filled ones for members; with the actor's panel abilities.
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function listProfileAttributes({
  ctx,
  community,
}: {
  ctx: Ctx;
  community: string;
}): Promise<{ items: ProfileAttributeDto[]; abilities: Record<string, boolean> }> {
  const resource = await loadPanel(ctx, community);
  authorize(panelPolicy, 'listAttributes', ctx.actor, resource);
  const rows = await listAttributeRows(
    ctx.kernel.db,
    resource.community.id,
    visibleAttributeKinds(ctx.actor, resource),
  );
  return { items: rows.map(presentAttribute), abilities: abilitiesOf(panelPolicy, ctx.actor, resource) };
}
