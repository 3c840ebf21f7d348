import type { Ctx } from '../../../platform/context.ts';
import { validate } from '../../../platform/http/validation.ts';
import { listProbeRows } from '../live-tools.repository.ts';
import { presentProbe } from '../live-tools.presenter.ts';
import { LIVE_PROBES_LIMIT, ListLiveProbesQuery, type LiveProbeDto } from '../live-tools.schemas.ts';
import { loadProbeLibrary } from './load-probe-library.ts';

/**
 * The community's probe library for the staff who prepare sessions, newest first; `q` (words in the text or
 * tags) and `tag` narrow it. At most `LIVE_PROBES_LIMIT` probes (`truncated` says when more matched).
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden)
 */
export async function listLiveProbes({
  ctx,
  community,
  query,
}: {
  ctx: Ctx;
  community: string;
  query: unknown;
}): Promise<{ items: LiveProbeDto[]; truncated: boolean }> {
  const filter = validate(ListLiveProbesQuery, query);
  const loaded = await loadProbeLibrary(ctx, community);
  const rows = await listProbeRows(ctx.kernel.db, loaded.community.id, {
    ...filter,
    limit: LIVE_PROBES_LIMIT + 1,
  });
  return {
    items: rows.slice(0, LIVE_PROBES_LIMIT).map(presentProbe),
    truncated: rows.length > LIVE_PROBES_LIMIT,
  };
}
