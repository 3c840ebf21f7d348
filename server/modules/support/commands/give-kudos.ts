import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { SupportEvents } from '../support.events.ts';
import { kudosPolicy } from '../support.policy.ts';
import { addKudos } from '../support.repository.ts';
import { KudosBody } from '../support.schemas.ts';
import { loadReply, loadTopic } from './load-support.ts';

/**
 * Gives kudos to a topic or a reply: once per member per item, never to one's own (also database
 * constraints). Emits `kudos.given` with the giver and receiver.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden | conflict: already given)
 */
export async function giveKudos({ ctx, community, input }: { ctx: Ctx; community: string; input: unknown }) {
  const body = validate(KudosBody, input);
  const resource =
    body.targetType === 'topic'
      ? { ...(await loadTopic(ctx, community, body.targetId)), reply: null }
      : await loadReply(ctx, community, body.targetId);
  const authorId = resource.reply ? resource.reply.author_id : resource.topic.author_id;
  authorize(kudosPolicy, 'give', ctx.actor, { ...resource, post: { authorId } });
  const giver = resource.membership!;
  const kudosCount = await transact(ctx.kernel, async (trx, emit) => {
    const count = await addKudos(trx, {
      community_id: resource.community.id,
      giver_id: giver.id,
      target_type: body.targetType,
      target_id: body.targetId,
      receiver_id: authorId,
    });
    if (count === null) throw new AppError('conflict');
    await emit({
      type: SupportEvents.kudosGiven,
      communityId: resource.community.id,
      actorUserId: ctx.actor!.userId,
      payload: {
        communityId: resource.community.id,
        targetType: body.targetType,
        targetId: body.targetId,
        giverId: giver.id,
        receiverId: authorId,
      },
    });
    return count;
  });
  return { targetType: body.targetType, targetId: body.targetId, kudosCount };
}
