import type { Ctx } from '../../../platform/context.ts';
import { found } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { findProbe, updateProbe } from '../live-tools.repository.ts';
import { LiveToolEvents } from '../live-tools.events.ts';
import { presentProbe } from '../live-tools.presenter.ts';
import { type LiveProbeDto, UpdateLiveProbeBody } from '../live-tools.schemas.ts';
import { cleanTags } from './create-live-probe.ts';
import { loadProbeLibrary } from './load-probe-library.ts';

/**
 * Changes a library probe's text or tags (the staff who prepare sessions); guides that used it keep their
 * copy. Emits `live_probe.updated`.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden)
 */
export async function updateLiveProbe({
  ctx,
  community,
  probeId,
  input,
}: {
  ctx: Ctx;
  community: string;
  probeId: string;
  input: unknown;
}): Promise<LiveProbeDto> {
  const change = validate(UpdateLiveProbeBody, input);
  const loaded = await loadProbeLibrary(ctx, community);
  const communityId = loaded.community.id;
  const probe = found(await findProbe(ctx.kernel.db, communityId, probeId));
  const row = await transact(ctx.kernel, async (trx, emit) => {
    const updated = await updateProbe(trx, probe.id, {
      ...(change.body !== undefined ? { body: change.body.trim() || change.body } : {}),
      ...(change.tags !== undefined ? { tags: cleanTags(change.tags) } : {}),
    });
    await emit({
      type: LiveToolEvents.probeUpdated,
      communityId,
      actorUserId: ctx.actor!.userId,
      payload: { communityId, probeId: probe.id },
    });
    return updated;
  });
  return presentProbe(row);
}
