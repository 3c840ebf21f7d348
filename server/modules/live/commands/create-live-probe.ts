import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { insertProbe } from '../live-tools.repository.ts';
import { LiveToolEvents } from '../live-tools.events.ts';
import { presentProbe } from '../live-tools.presenter.ts';
import { CreateLiveProbeBody, type LiveProbeDto } from '../live-tools.schemas.ts';
import { loadProbeLibrary } from './load-probe-library.ts';

/** Tags as stored: trimmed, without empty or repeated ones. */
export const cleanTags = (tags: string[] = []) => [...new Set(tags.map((t) => t.trim()).filter(Boolean))];

/**
 * Saves a probe to the community's library (the staff who prepare sessions), from the guide editor or from
 * an approved backroom suggestion. Emits `live_probe.created`.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden)
 */
export async function createLiveProbe({
  ctx,
  community,
  input,
}: {
  ctx: Ctx;
  community: string;
  input: unknown;
}): Promise<LiveProbeDto> {
  const body = validate(CreateLiveProbeBody, input);
  const loaded = await loadProbeLibrary(ctx, community);
  const communityId = loaded.community.id;
  const row = await transact(ctx.kernel, async (trx, emit) => {
    const probe = await insertProbe(trx, {
      id: newId(),
      community_id: communityId,
      body: body.body.trim() || body.body,
      tags: cleanTags(body.tags),
      created_by: loaded.membership?.id ?? null,
    });
    await emit({
      type: LiveToolEvents.probeCreated,
      communityId,
      actorUserId: ctx.actor!.userId,
      payload: { communityId, probeId: probe.id },
    });
    return probe;
  });
  return presentProbe(row);
}
