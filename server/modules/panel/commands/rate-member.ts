import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { type MemberRatedPayload, PanelEvents } from '../panel.events.ts';
import { RateMemberBody } from '../panel-quality.schemas.ts';
import { insertRating } from '../panel-quality.repository.ts';
import { loadReviewedMember } from './load-panel-member.ts';

/**
 * A staff member rates a member's participation (1–5, with a note). Emits `member.rated` (the
 * reliability score is recomputed by its subscriber). Audited.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden)
 */
export async function rateMember({
  ctx,
  community,
  memberId,
  input,
}: {
  ctx: Ctx;
  community: string;
  memberId: string;
  input: unknown;
}): Promise<{ id: string }> {
  const body = validate(RateMemberBody, input);
  const { resource, member } = await loadReviewedMember(ctx, community, memberId);
  const communityId = resource.community.id;
  const id = newId();
  await transact(ctx.kernel, async (trx, emit) => {
    await insertRating(trx, {
      id,
      communityId,
      memberId: member.id,
      ratedBy: ctx.actor!.userId,
      rating: body.rating,
      note: body.note?.trim() ?? '',
    });
    const payload: MemberRatedPayload = {
      communityId,
      memberId: member.id,
      ratingId: id,
      rating: body.rating,
    };
    await emit({ type: PanelEvents.memberRated, communityId, actorUserId: ctx.actor!.userId, payload });
    await writeAudit(trx, {
      communityId,
      actorUserId: ctx.actor!.userId,
      action: 'member.rate',
      targetType: 'membership',
      targetId: member.id,
      data: { rating: body.rating },
    });
  });
  return { id };
}
