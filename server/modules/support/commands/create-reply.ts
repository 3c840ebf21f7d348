import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { renderMarkdown } from '../../../platform/text/markdown.ts';
import { checkPostingLimits } from '../../moderation/posting-limits.ts';
import { SupportEvents } from '../support.events.ts';
import { topicPolicy } from '../support.policy.ts';
import { presentReply } from '../support.presenter.ts';
import { attachUploads, listImagesOf } from '../support-media.ts';
import { findReply, insertReply } from '../support.repository.ts';
import { CreateReplyBody, type ReplyDto } from '../support.schemas.ts';
import { loadTopic } from './load-support.ts';

/**
 * Replies in a topic (not in a locked one, except staff). In a pre-moderated board, or from a
 * pre-moderated newcomer, a member's reply waits as `pending`; the community's per-member rate limits
 * apply (`checkPostingLimits`; staff are exempt). A published reply counts on the topic and bumps its
 * activity. `imageIds` attaches the author's own unattached uploads. Emits `reply.created`.
 * @throws AppError(validation_failed: input, an `inReplyToId` from another topic, or an image that is not
 *   the author's unattached upload | not_found |
 *   unauthenticated | forbidden: locked topic or no right | rate_limited)
 */
export async function createReply({
  ctx,
  community,
  topicId,
  input,
}: {
  ctx: Ctx;
  community: string;
  topicId: string;
  input: unknown;
}): Promise<ReplyDto> {
  const body = validate(CreateReplyBody, input);
  if (body.body.trim() === '') throw AppError.field('/body', 'validation.required');
  const resource = await loadTopic(ctx, community, topicId);
  authorize(topicPolicy, 'reply', ctx.actor, resource);
  if (body.inReplyToId) {
    const parent = await findReply(ctx.kernel.db, resource.community.id, body.inReplyToId);
    if (!parent || parent.topic_id !== resource.topic.id)
      throw AppError.field('/inReplyToId', 'validation.invalidChoice');
  }
  const membership = resource.membership!;
  const staff = topicPolicy.moderate(ctx.actor, resource);
  const row = await transact(ctx.kernel, async (trx, emit) => {
    const status = await checkPostingLimits(trx, {
      communityId: resource.community.id,
      membershipId: membership.id,
      staff,
      premoderatedBoard: resource.board.premoderation,
    });
    const reply = await insertReply(trx, {
      id: newId(),
      community_id: resource.community.id,
      topic_id: resource.topic.id,
      author_id: membership.id,
      in_reply_to_id: body.inReplyToId ?? null,
      body: body.body,
      body_html: renderMarkdown(body.body),
      status,
    });
    await attachUploads(
      trx,
      { communityId: resource.community.id, uploaderId: membership.id },
      body.imageIds ?? [],
      { type: 'reply', id: reply.id },
    );
    await emit({
      type: SupportEvents.replyCreated,
      communityId: resource.community.id,
      actorUserId: ctx.actor!.userId,
      payload: {
        communityId: resource.community.id,
        topicId: resource.topic.id,
        replyId: reply.id,
        authorId: membership.id,
        topicAuthorId: resource.topic.author_id,
        status,
      },
    });
    return reply;
  });
  // The author is the acting member, whose pseudonym and role were loaded with the community.
  const images = body.imageIds?.length ? await listImagesOf(ctx.kernel.db, 'reply', [row.id]) : null;
  return presentReply(
    {
      ...row,
      author_pseudonym: membership.pseudonym,
      author_role: membership.role,
      images: images?.get(row.id),
    },
    ctx.actor,
    resource,
  );
}
