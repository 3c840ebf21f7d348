import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError, isUniqueViolation } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { loadReply, loadTopic } from '../../support/commands/load-support.ts';
import { ModerationEvents } from '../moderation.events.ts';
import { flagPolicy } from '../moderation.policy.ts';
import { presentFlag } from '../moderation.presenter.ts';
import { insertFlag } from '../moderation.repository.ts';
import { FlagBody, type FlagResultDto } from '../moderation.schemas.ts';

/**
 * Flags a published topic or reply the member can read, with a reason (and a note, required for
 * `other`), for the moderators' queue. Once per member per item while the flag is open; never one's own
 * post; observers watch and do not flag. Emits `content.flagged`.
 * @throws AppError(validation_failed | not_found: unknown, foreign or unreadable post | unauthenticated |
 *   forbidden | conflict: already flagged by this member)
 */
export async function flagContent({
  ctx,
  community,
  input,
}: {
  ctx: Ctx;
  community: string;
  input: unknown;
}): Promise<FlagResultDto> {
  const body = validate(FlagBody, input);
  const note = body.note?.trim() || null;
  if (body.reason === 'other' && !note) throw AppError.field('/note', 'moderation.noteRequired');
  const resource =
    body.targetType === 'topic'
      ? { ...(await loadTopic(ctx, community, body.targetId)), reply: null }
      : await loadReply(ctx, community, body.targetId);
  const post = resource.reply
    ? { authorId: resource.reply.author_id, status: resource.reply.status }
    : { authorId: resource.topic.author_id, status: resource.topic.status };
  authorize(flagPolicy, 'flag', ctx.actor, { ...resource, post });
  const flagger = resource.membership!;
  const row = await transact(ctx.kernel, async (trx, emit) => {
    let flag;
    try {
      flag = await insertFlag(trx, {
        id: newId(),
        community_id: resource.community.id,
        target_type: body.targetType,
        target_id: body.targetId,
        topic_id: resource.topic.id,
        flagger_id: flagger.id,
        reason: body.reason,
        note,
      });
    } catch (error) {
      if (isUniqueViolation(error, 'flags_one_open_per_member_idx'))
        throw new AppError('conflict', { messageKey: 'moderation.alreadyFlagged' });
      throw error;
    }
    await emit({
      type: ModerationEvents.contentFlagged,
      communityId: resource.community.id,
      actorUserId: ctx.actor!.userId,
      payload: {
        communityId: resource.community.id,
        flagId: flag.id,
        targetType: body.targetType,
        targetId: body.targetId,
        topicId: resource.topic.id,
        authorId: post.authorId,
        flaggerId: flagger.id,
        reason: body.reason,
      },
    });
    return flag;
  });
  return presentFlag(row);
}
