import type { Ctx } from '../../../platform/context.ts';
import { found } from '../../../platform/errors/app-error.ts';
import { transact } from '../../../platform/kernel.ts';
import { deleteProbe, findProbe } from '../live-tools.repository.ts';
import { LiveToolEvents } from '../live-tools.events.ts';
import { loadProbeLibrary } from './load-probe-library.ts';

/**
 * Removes a probe from the community's library (the staff who prepare sessions); guides that used it keep
 * their copy. Emits `live_probe.deleted`.
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function deleteLiveProbe({
  ctx,
  community,
  probeId,
}: {
  ctx: Ctx;
  community: string;
  probeId: string;
}): Promise<{ id: string; deleted: true }> {
  const loaded = await loadProbeLibrary(ctx, community);
  const communityId = loaded.community.id;
  const probe = found(await findProbe(ctx.kernel.db, communityId, probeId));
  await transact(ctx.kernel, async (trx, emit) => {
    await deleteProbe(trx, probe.id);
    await emit({
      type: LiveToolEvents.probeDeleted,
      communityId,
      actorUserId: ctx.actor!.userId,
      payload: { communityId, probeId: probe.id },
    });
  });
  return { id: probe.id, deleted: true };
}
