import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError, type FieldError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import {
  deleteItemsExcept,
  deleteSectionsExcept,
  listItems,
  listSections,
  upsertItem,
  upsertSection,
} from '../live-guide.repository.ts';
import { listMedia } from '../live-media.repository.ts';
import { LiveEvents } from '../live.events.ts';
import { livePolicy } from '../live.policy.ts';
import { itemOptions, presentGuide } from '../live.presenter.ts';
import { lockSession } from '../live.repository.ts';
import {
  type GuideSectionDto,
  type UpdateLiveSessionGuideInput,
  UpdateLiveSessionGuideBody,
} from '../live.schemas.ts';
import { loadLiveSession } from './load-live-session.ts';

type Existing = Awaited<ReturnType<typeof listItems>>;

/** The rules of a guide the schema cannot say; returns the field errors. */
function guideErrors(
  guide: UpdateLiveSessionGuideInput,
  existing: Existing,
  sectionIds: Set<string>,
  mediaIds: Set<string>,
): FieldError[] {
  const fields: FieldError[] = [];
  const byId = new Map(existing.map((i) => [i.id, i]));
  const seen = new Set<string>();
  guide.sections.forEach((section, s) => {
    if (section.id && !sectionIds.has(section.id))
      fields.push({ path: `/sections/${s}/id`, key: 'validation.invalidChoice' });
    section.items.forEach((item, i) => {
      const path = `/sections/${s}/items/${i}`;
      if (item.kind === 'question' && !item.questionType)
        fields.push({ path: `${path}/questionType`, key: 'validation.required' });
      if (item.kind !== 'question' && (item.questionType || item.blind))
        fields.push({ path: `${path}/kind`, key: 'live.error.onlyQuestions' });
      const choice = item.questionType === 'single' || item.questionType === 'multiple';
      if (choice && (item.options?.length ?? 0) < 2)
        fields.push({ path: `${path}/options`, key: 'live.error.twoOptions' });
      if (!choice && (item.options?.length ?? 0) > 0)
        fields.push({ path: `${path}/options`, key: 'live.error.noOptions' });
      if (item.mediaId && item.kind !== 'stimulus')
        fields.push({ path: `${path}/mediaId`, key: 'live.error.mediaOnStimulus' });
      else if (item.mediaId && !mediaIds.has(item.mediaId))
        fields.push({ path: `${path}/mediaId`, key: 'validation.invalidChoice' });
      if (!item.id) return;
      const before = byId.get(item.id);
      if (!before || seen.has(item.id))
        return fields.push({ path: `${path}/id`, key: 'validation.invalidChoice' });
      seen.add(item.id);
      const same =
        before.kind === item.kind &&
        before.body === item.body &&
        before.question_type === (item.questionType ?? null) &&
        before.blind === !!item.blind &&
        before.media_id === (item.mediaId ?? null) &&
        JSON.stringify(itemOptions(before)) === JSON.stringify(item.options ?? []);
      if (before.state !== 'queued' && !same)
        fields.push({ path: `${path}/body`, key: 'live.error.itemSent' });
    });
  });
  for (const item of existing) {
    if (item.state !== 'queued' && !seen.has(item.id))
      fields.push({ path: '/sections', key: 'live.error.itemSentRemoved' });
  }
  return fields;
}

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
  const session = loaded.row;
  return transact(ctx.kernel, async (trx, emit) => {
    const row = await lockSession(trx, session.id);
    if (row.status === 'ended' || row.status === 'cancelled')
      throw new AppError('conflict', { messageKey: 'live.error.closed' });
    const existing = await listItems(trx, row.id);
    const sectionIds = new Set((await listSections(trx, row.id)).map((s) => s.id));
    const media = await listMedia(trx, row.id);
    const fields = guideErrors(guide, existing, sectionIds, new Set(media.map((m) => m.id)));
    if (fields.length > 0) throw new AppError('validation_failed', { fields });
    const editable = new Map(existing.map((i) => [i.id, i.state === 'queued']));
    const keepSections: string[] = [];
    const keepItems: string[] = [];
    const planned = guide.sections.map((section) => ({
      ...section,
      id: section.id ?? newId(),
      items: section.items.map((item) => ({ ...item, id: item.id ?? newId() })),
    }));
    for (const section of planned) {
      keepSections.push(section.id);
      for (const item of section.items) keepItems.push(item.id);
    }
    for (const [s, section] of planned.entries()) {
      await upsertSection(trx, {
        id: section.id,
        community_id: row.community_id,
        session_id: row.id,
        position: s,
        title: section.title.trim(),
        planned_minutes: section.plannedMinutes,
      });
      for (const [i, item] of section.items.entries()) {
        await upsertItem(
          trx,
          {
            id: item.id,
            community_id: row.community_id,
            session_id: row.id,
            section_id: section.id,
            position: i,
            kind: item.kind,
            question_type: item.kind === 'question' ? (item.questionType ?? 'open') : null,
            body: item.body,
            options: JSON.stringify(item.options ?? []),
            blind: item.kind === 'question' && !!item.blind,
            media_id: item.kind === 'stimulus' ? (item.mediaId ?? null) : null,
          },
          editable.get(item.id) ?? true,
        );
      }
    }
    // Removed last: items moved out of a removed section are already in their new one.
    await deleteItemsExcept(trx, row.id, keepItems);
    await deleteSectionsExcept(trx, row.id, keepSections);
    await emit({
      type: LiveEvents.guideUpdated,
      communityId: row.community_id,
      actorUserId: ctx.actor!.userId,
      payload: { communityId: row.community_id, sessionId: row.id, items: keepItems.length },
    });
    await writeAudit(trx, {
      communityId: row.community_id,
      actorUserId: ctx.actor!.userId,
      action: 'live_session.guide_update',
      targetType: 'live_session',
      targetId: row.id,
    });
    return presentGuide(await listSections(trx, row.id), await listItems(trx, row.id), media);
  });
}
