import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError, found } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { loadTopic } from '../../support/commands/load-support.ts';
import { SearchEvents, type DeflectionViewedPayload } from '../search.events.ts';
import { deflectionPolicy } from '../search.policy.ts';
import { presentDeflectionView } from '../search.presenter.ts';
import { findOpenAttempt, findViewInAttempt, insertDeflectionView } from '../search.repository.ts';
import { DeflectionViewBody, type DeflectionViewDto } from '../search.schemas.ts';

/**
 * Records that a member, typing `title` in the ask form, opened a suggested question. The view joins the
 * member's attempt of the last hour (or starts one); if they post a topic within the hour the attempt
 * is converted (see `search.module.ts`), otherwise it counts as a deflection. Emits `deflection.viewed`;
 * opening the same question again within the attempt returns the first view and records nothing.
 * @throws AppError(validation_failed: input, blank title | not_found: topic | unauthenticated | forbidden)
 */
export async function recordDeflectionView({
  ctx,
  community,
  input,
}: {
  ctx: Ctx;
  community: string;
  input: unknown;
}): Promise<DeflectionViewDto> {
  const body = validate(DeflectionViewBody, input);
  const title = body.title.trim();
  if (title === '') throw AppError.field('/title', 'validation.required');
  const loaded = await loadTopic(ctx, community, body.topicId);
  authorize(deflectionPolicy, 'recordDeflection', ctx.actor, loaded);
  const member = loaded.membership!;
  const communityId = loaded.community.id;
  const row = await transact(ctx.kernel, async (trx, emit) => {
    const open = await findOpenAttempt(trx, communityId, member.id);
    const id = newId();
    const attemptId = open && !open.converted ? open.attempt_id : id;
    const view = await insertDeflectionView(trx, {
      id,
      community_id: communityId,
      member_id: member.id,
      topic_id: loaded.topic.id,
      attempt_id: attemptId,
      query_title: title,
    });
    // Opening the same question again in one attempt (a reload, a second click) is one view.
    if (!view) return found(await findViewInAttempt(trx, attemptId, loaded.topic.id));
    const payload: DeflectionViewedPayload = {
      communityId,
      viewId: id,
      attemptId,
      memberId: member.id,
      topicId: loaded.topic.id,
    };
    await emit({
      type: SearchEvents.deflectionViewed,
      communityId,
      actorUserId: ctx.actor!.userId,
      payload: { ...payload },
    });
    return view;
  });
  return presentDeflectionView(row);
}
