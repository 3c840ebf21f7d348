import { toGuideDraft } from '../../../../common/live/guide-outline.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { guideErrors, saveGuide } from '../live-guide-write.ts';
import { ImportGuideBody } from '../live-tools.schemas.ts';
import { livePolicy } from '../live.policy.ts';
import { presentGuide } from '../live.presenter.ts';
import type { GuideSectionDto } from '../live.schemas.ts';
import { loadLiveSession } from './load-live-session.ts';

/** The most sections a guide holds (as `UpdateLiveSessionGuideBody`). */
const MAX_SECTIONS = 30;

/**
 * Imports a guide file (as `exportLiveSessionGuide` writes it) into a session (its moderators). `append` adds
 * its sections after the guide; `replace` puts them in place of it and is refused once an item was sent or
 * skipped, so that an import never loses or reorders what the room already saw. Field errors name each
 * item (`/guide/sections/S/items/I/…`). Emits `live_session.guide_updated`; audited.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden | conflict: ended, or items
 *   already sent for `replace`)
 */
export async function importLiveSessionGuide({
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
  const { mode, guide } = validate(ImportGuideBody, input);
  const loaded = await loadLiveSession(ctx, community, sessionId);
  authorize(livePolicy, 'manage', ctx.actor, loaded);
  return saveGuide(
    ctx,
    loaded.row.id,
    ({ existing, sections, media, mediaIds }) => {
      if (mode === 'replace' && existing.some((i) => i.state !== 'queued'))
        throw new AppError('conflict', { messageKey: 'live.import.sentItems' });
      const imported = { sections: guide.sections };
      const fields = guideErrors(imported, [], new Set(), mediaIds, '/guide').map((f) =>
        f.path.endsWith('/mediaId') && f.key === 'validation.invalidChoice'
          ? { ...f, key: 'live.import.foreignMedia' as const }
          : f,
      );
      const kept = mode === 'append' ? toGuideDraft(presentGuide(sections, existing, media)) : [];
      if (kept.length + imported.sections.length > MAX_SECTIONS)
        fields.push({
          path: '/guide/sections',
          key: 'live.import.tooManySections',
          params: { limit: MAX_SECTIONS },
        });
      if (fields.length > 0) throw new AppError('validation_failed', { fields });
      return { sections: [...kept, ...imported.sections] };
    },
    { action: 'live_session.guide_import', mode },
  );
}
