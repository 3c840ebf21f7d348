import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { guideErrors, saveGuide } from '../live-guide-write.ts';
import { livePolicy } from '../live.policy.ts';
import { type GuideSectionDto, UpdateLiveSessionGuideBody } from '../live.schemas.ts';
import { loadLiveSession } from './load-live-session.ts';

/**
 * Replaces a session's discussion guide (its moderators): sections with planned durations and their items
 * in order. Queued items are edited, moved or removed; sent and skipped items only move. Emits
 * `live_session.guide_updated`; audited.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden | conflict: ended)
 */
export async function updateLiveSessionGuide({
  ctx,
  community,
  sessionId,
  input,
}: {
  ctx: Ctx;
  community: string;
  sessionId: string;
  input: unknown;
}): Promise<GuideSectionDto[]> {
  const guide = validate(UpdateLiveSessionGuideBody, input);
  const loaded = await loadLiveSession(ctx, community, sessionId);
  authorize(livePolicy, 'manage', ctx.actor, loaded);
  return saveGuide(
    ctx,
    loaded.row.id,
    ({ existing, sections, mediaIds }) => {
      const sectionIds = new Set(sections.map((s) => s.id));
      const fields = guideErrors(guide, existing, sectionIds, mediaIds);
      if (fields.length > 0) throw new AppError('validation_failed', { fields });
      return guide;
    },
    { action: 'live_session.guide_update' },
  );
}
