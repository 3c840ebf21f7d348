import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { SupportEvents } from '../support.events.ts';
import { topicPolicy } from '../support.policy.ts';
import { setSolution } from '../support.repository.ts';
import { SolutionBody, type TopicDto } from '../support.schemas.ts';
import { getTopic } from './get-topic.ts';
import { loadReply } from './load-support.ts';

/**
 * Accepts a published reply as a solution of its question, or undoes it (`accepted: false`); a question
 * can have several. Only the asker or staff. The topic is `solved` while at least one solution stands.
 * Emits `solution.accepted` or `solution.unaccepted` (only when the state changes).
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden)
 */
export async function acceptSolution({
  ctx,
  community,
  replyId,
  input,
}: {
  ctx: Ctx;
  community: string;
  replyId: string;
  input: unknown;
}): Promise<TopicDto> {
  const body = validate(SolutionBody, input);
  const resource = await loadReply(ctx, community, replyId);
  authorize(topicPolicy, 'acceptSolution', ctx.actor, resource);
  const { reply } = resource;
  if (reply.is_solution !== body.accepted) {
    await transact(ctx.kernel, async (trx, emit) => {
      await setSolution(trx, reply, body.accepted);
      await emit({
        type: body.accepted ? SupportEvents.solutionAccepted : SupportEvents.solutionUnaccepted,
        communityId: resource.community.id,
        actorUserId: ctx.actor!.userId,
        payload: {
          communityId: resource.community.id,
          topicId: resource.topic.id,
          replyId: reply.id,
          replyAuthorId: reply.author_id,
          topicAuthorId: resource.topic.author_id,
        },
      });
    });
  }
  return getTopic({ ctx, community, topicId: resource.topic.id });
}
