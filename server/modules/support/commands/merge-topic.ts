import { authorize } from '../../../platform/authz/policy.ts';
import { writeAudit } from '../../../platform/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { lockTopicRow, mergeTopicRows } from '../post-edits.repository.ts';
import { SupportEvents } from '../support.events.ts';
import { topicPolicy } from '../support.policy.ts';
import { findTopic } from '../support.repository.ts';
import { MergeTopicBody, type TopicDto } from '../support.schemas.ts';
import { getTopic } from './get-topic.ts';
import { loadTopic } from './load-support.ts';

/**
 * Merges a topic into another topic of the same community (staff). The source's opening post becomes a
 * reply of the target (same author, text and date, with its kudos), all its replies move there, the
 * source becomes `deleted` and points at the target (`mergedIntoId`: the web redirects there), and both
 * topics' counters are recomputed. Emits `topic.merged` and writes the audit log. Returns the target.
 * @throws AppError(validation_failed: input, the topic itself, or a target that is unknown, in another
 *   community or deleted | not_found | unauthenticated | forbidden: not staff | conflict: changed meanwhile)
 */
export async function mergeTopic({
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
  const body = validate(MergeTopicBody, input);
  const resource = await loadTopic(ctx, community, topicId);
  const source = resource.topic;
  authorize(topicPolicy, 'arrange', ctx.actor, resource);
  if (body.targetTopicId === source.id) throw AppError.field('/targetTopicId', 'support.merge.sameTopic');
  const target = await findTopic(ctx.kernel.db, resource.community.id, body.targetTopicId);
  if (!target || target.status === 'deleted')
    throw AppError.field('/targetTopicId', 'validation.invalidChoice');

  const communityId = resource.community.id;
  const actorUserId = ctx.actor!.userId;
  await transact(ctx.kernel, async (trx, emit) => {
    // Lock both topics in id order, so two merges of the same pair cannot deadlock.
    const [first, second] = [source.id, target.id].sort();
    const locked = [await lockTopicRow(trx, first), await lockTopicRow(trx, second)];
    if (locked.some((row) => row.status === 'deleted'))
      throw new AppError('conflict', { messageKey: 'support.merge.changed' });
    const openingReplyId = newId();
    const movedReplies = await mergeTopicRows(trx, source, target, openingReplyId);
    const facts = {
      communityId,
      topicId: source.id,
      boardId: source.board_id,
      authorId: source.author_id,
      targetTopicId: target.id,
      targetBoardId: target.board_id,
      openingReplyId,
      movedReplies,
    };
    await emit({ type: SupportEvents.topicMerged, communityId, actorUserId, payload: facts });
    await writeAudit(trx, {
      communityId,
      actorUserId,
      action: 'topic.merge',
      targetType: 'topic',
      targetId: source.id,
      data: { targetTopicId: target.id, openingReplyId, movedReplies },
    });
  });
  return getTopic({ ctx, community, topicId: target.id });
}
