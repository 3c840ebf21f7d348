import { toGuideDraft } from '../../../../common/live/guide-outline.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { listItems, listSections } from '../live-guide.repository.ts';
import { listMedia } from '../live-media.repository.ts';
import { GUIDE_FILE_FORMAT, type GuideFileDto } from '../live-tools.schemas.ts';
import { livePolicy } from '../live.policy.ts';
import { presentGuide } from '../live.presenter.ts';
import { loadLiveSession } from './load-live-session.ts';

/**
 * A session's discussion guide as a portable file for its moderators: sections and items in order, without
 * ids or states, so that `importLiveSessionGuide` gives the same guide back (here or in another session).
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function exportLiveSessionGuide({
  ctx,
  community,
  sessionId,
}: {
  ctx: Ctx;
  community: string;
  sessionId: string;
}): Promise<GuideFileDto> {
  const loaded = await loadLiveSession(ctx, community, sessionId);
  authorize(livePolicy, 'manage', ctx.actor, loaded);
  const db = ctx.kernel.db;
  const id = loaded.row.id;
  const guide = presentGuide(await listSections(db, id), await listItems(db, id), await listMedia(db, id));
  return {
    format: GUIDE_FILE_FORMAT,
    version: 1,
    title: loaded.row.title,
    // The draft a guide update takes, without the ids that belong to this session.
    sections: toGuideDraft(guide).map((section) => ({
      title: section.title,
      plannedMinutes: section.plannedMinutes,
      items: section.items.map(({ id: _id, ...item }) => item),
    })),
  };
}
