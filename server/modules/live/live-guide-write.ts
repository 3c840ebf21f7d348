import { writeAudit } from '../../platform/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { newId } from '../../platform/db/ids.ts';
import type { LiveSessionRow } from '../../platform/db/schema-live.ts';
import { AppError, type FieldError } from '../../platform/errors/app-error.ts';
import { transact } from '../../platform/kernel.ts';
import {
  deleteItemsExcept,
  deleteSectionsExcept,
  listItems,
  listSections,
  upsertItem,
  upsertSection,
} from './live-guide.repository.ts';
import { listMedia } from './live-media.repository.ts';
import { LiveEvents } from './live.events.ts';
import { itemOptions, presentGuide } from './live.presenter.ts';
import { lockSession } from './live.repository.ts';
import type { GuideSectionDto, UpdateLiveSessionGuideInput } from './live.schemas.ts';

/** A session's stored guide items. */
export type Existing = Awaited<ReturnType<typeof listItems>>;

/** The rules of a guide the schema cannot say; returns the field errors (paths under `prefix`). */
export function guideErrors(
  guide: UpdateLiveSessionGuideInput,
  existing: Existing,
  sectionIds: Set<string>,
  mediaIds: Set<string>,
  prefix = '',
): FieldError[] {
  const fields: FieldError[] = [];
  const byId = new Map(existing.map((i) => [i.id, i]));
  const seen = new Set<string>();
  guide.sections.forEach((section, s) => {
    if (section.id && !sectionIds.has(section.id))
      fields.push({ path: `${prefix}/sections/${s}/id`, key: 'validation.invalidChoice' });
    section.items.forEach((item, i) => {
      const path = `${prefix}/sections/${s}/items/${i}`;
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
      fields.push({ path: `${prefix}/sections`, key: 'live.error.itemSentRemoved' });
  }
  return fields;
}

/**
 * Writes a whole guide in place of a session's (in a transaction): sections and items in order, new ones
 * inserted, queued ones edited, sent and skipped ones only moved, the rest removed. Returns the ids kept.
 */
export async function writeGuide(
  trx: Queryable,
  row: Pick<LiveSessionRow, 'id' | 'community_id'>,
  guide: UpdateLiveSessionGuideInput,
  existing: Existing,
): Promise<string[]> {
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
  return keepItems;
}

/** What a guide change is decided on: the session's guide as stored, read under the session's lock. */
export interface GuideState {
  existing: Existing;
  sections: Awaited<ReturnType<typeof listSections>>;
  media: Awaited<ReturnType<typeof listMedia>>;
  mediaIds: Set<string>;
}

/**
 * Locks a session and writes the guide `build` makes from its stored guide (which may refuse by throwing);
 * emits `live_session.guide_updated` and audits `auditAction`. Returns the guide as staff see it.
 * @throws AppError(conflict: the session ended or was cancelled) and whatever `build` throws
 */
export async function saveGuide(
  ctx: Ctx,
  sessionId: string,
  build: (state: GuideState) => UpdateLiveSessionGuideInput,
  audit: { action: string; mode?: 'append' | 'replace' },
): Promise<GuideSectionDto[]> {
  return transact(ctx.kernel, async (trx, emit) => {
    const row = await lockSession(trx, sessionId);
    if (row.status === 'ended' || row.status === 'cancelled')
      throw new AppError('conflict', { messageKey: 'live.error.closed' });
    const existing = await listItems(trx, row.id);
    const media = await listMedia(trx, row.id);
    const guide = build({
      existing,
      sections: await listSections(trx, row.id),
      media,
      mediaIds: new Set(media.map((m) => m.id)),
    });
    const keepItems = await writeGuide(trx, row, guide, existing);
    await emit({
      type: LiveEvents.guideUpdated,
      communityId: row.community_id,
      actorUserId: ctx.actor!.userId,
      payload: {
        communityId: row.community_id,
        sessionId: row.id,
        items: keepItems.length,
        ...(audit.mode ? { imported: audit.mode } : {}),
      },
    });
    await writeAudit(trx, {
      communityId: row.community_id,
      actorUserId: ctx.actor!.userId,
      action: audit.action,
      targetType: 'live_session',
      targetId: row.id,
    });
    return presentGuide(await listSections(trx, row.id), await listItems(trx, row.id), media);
  });
}
