import { authorize } from '../../../platform/authz/policy.ts';
import { writeAudit } from '../../../platform/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { renderMarkdown } from '../../../platform/text/markdown.ts';
import { insertRevision, lockTopicRow, updateTopicRow } from '../post-edits.repository.ts';
import { SupportEvents } from '../support.events.ts';
import { topicPolicy } from '../support.policy.ts';
import { findBoard } from '../support.repository.ts';
import { type TopicDto, UpdateTopicBody } from '../support.schemas.ts';
import { getTopic } from './get-topic.ts';
import { actsOnOthers, authorizeChange } from './load-post.ts';
import { loadTopic } from './load-support.ts';

/** The shortest title once trimmed, as for a new topic. */
const MIN_TITLE = 5;

/**
 * Changes a topic in one call. Its author (an active member, topic not locked) or staff edit the title
 * and body: the previous version goes to the edit history, the Markdown is rendered again and the topic
 * shows as edited (`topic.updated`). Staff only lock or unlock (`topic.locked` / `topic.unlocked`), pin
 * or unpin (`topic.pinned` / `topic.unpinned`) and move it to another board of the same community
 * (`topic.moved`). Staff actions (arranging, editing someone else's topic) go to the audit log. Fields
 * equal to the current values change nothing and emit nothing.
 * @throws AppError(validation_failed: input, nothing to change, title too short or body blank once
 *   trimmed, unknown board | not_found | unauthenticated | forbidden: not the author nor staff, locked
 *   topic, arranging without being staff)
 */
export async function updateTopic({
  ctx,
  community,
  topicId,
  input,
}: {
  ctx: Ctx;
  community: string;
  topicId: string;
  input: unknown;
}): Promise<TopicDto> {
  const body = validate(UpdateTopicBody, input);
  if (Object.keys(body).length === 0)
    throw new AppError('validation_failed', { messageKey: 'support.edit.nothingToChange' });
  const title = body.title?.trim();
  if (title !== undefined && title.length < MIN_TITLE)
    throw AppError.field('/title', 'validation.tooShort', { limit: MIN_TITLE });
  if (body.body !== undefined && body.body.trim() === '')
    throw AppError.field('/body', 'validation.required');

  const resource = await loadTopic(ctx, community, topicId);
  const { topic } = resource;
  const editing = title !== undefined || body.body !== undefined;
  if (editing) authorizeChange(topicPolicy, 'edit', ctx.actor, resource, topic.author_id);
  if (body.locked !== undefined || body.pinned !== undefined || body.boardId !== undefined)
    authorize(topicPolicy, 'arrange', ctx.actor, resource);
  const board =
    body.boardId === undefined ? null : await findBoard(ctx.kernel.db, resource.community.id, body.boardId);
  if (body.boardId !== undefined && !board) throw AppError.field('/boardId', 'validation.invalidChoice');

  const communityId = resource.community.id;
  const actorUserId = ctx.actor!.userId;
  await transact(ctx.kernel, async (trx, emit) => {
    // Compare with the row as it stands once locked, so two concurrent edits both reach the history.
    const current = await lockTopicRow(trx, topic.id);
    const newTitle = title ?? current.title;
    const newBody = body.body ?? current.body;
    const changed = [
      ...(newTitle !== current.title ? (['title'] as const) : []),
      ...(newBody !== current.body ? (['body'] as const) : []),
    ];
    const lock = body.locked !== undefined && body.locked !== current.locked ? body.locked : undefined;
    const pin = body.pinned !== undefined && body.pinned !== current.pinned ? body.pinned : undefined;
    const move = board && board.id !== current.board_id ? board : null;
    if (changed.length === 0 && lock === undefined && pin === undefined && !move) return;

    const base = { communityId, topicId: topic.id, boardId: current.board_id, authorId: topic.author_id };
    const audit = (action: string, data: Record<string, unknown>) =>
      writeAudit(trx, { communityId, actorUserId, action, targetType: 'topic', targetId: topic.id, data });
    if (changed.length > 0) {
      await insertRevision(trx, {
        id: newId(),
        community_id: communityId,
        target_type: 'topic',
        target_id: topic.id,
        editor_id: resource.membership?.id ?? null,
        title: current.title,
        body: current.body,
      });
    }
    await updateTopicRow(trx, topic.id, {
      content:
        changed.length > 0
          ? { title: newTitle, body: newBody, body_html: renderMarkdown(newBody) }
          : undefined,
      locked: lock,
      pinned: pin,
      boardId: move?.id,
    });
    if (changed.length > 0) {
      await emit({
        type: SupportEvents.topicUpdated,
        communityId,
        actorUserId,
        payload: { ...base, changed },
      });
      if (actsOnOthers(resource, topic.author_id)) await audit('topic.edit', { changed });
    }
    if (lock !== undefined) {
      const type = lock ? SupportEvents.topicLocked : SupportEvents.topicUnlocked;
      await emit({ type, communityId, actorUserId, payload: base });
      await audit(lock ? 'topic.lock' : 'topic.unlock', {});
    }
    if (pin !== undefined) {
      const type = pin ? SupportEvents.topicPinned : SupportEvents.topicUnpinned;
      await emit({ type, communityId, actorUserId, payload: base });
      await audit(pin ? 'topic.pin' : 'topic.unpin', {});
    }
    if (move) {
      const payload = { ...base, boardId: move.id, fromBoardId: current.board_id };
      await emit({ type: SupportEvents.topicMoved, communityId, actorUserId, payload });
      await audit('topic.move', { fromBoardId: current.board_id, toBoardId: move.id });
    }
  });
  return getTopic({ ctx, community, topicId: topic.id });
}
