import { writeAudit } from '../../../platform/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { MemberEvents } from '../../members/members.events.ts';
import { PanelEvents, type ProbationDecidedPayload } from '../panel.events.ts';
import { DecideProbationBody } from '../panel-quality.schemas.ts';
import { endProbation } from '../panel-quality.repository.ts';
import { loadReviewedMember } from './load-panel-member.ts';

/**
 * Staff end a member's probation: `confirm` makes them an active panel member; `remove` takes them out of
 * the panel (stage `removed`) and suspends their membership (`member.status_changed` too, as when staff
 * suspend). Emits `member.probation_decided`; audited
 * with the note.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden | conflict: not on probation)
 */
export async function decideProbation({
  ctx,
  community,
  memberId,
  input,
}: {
  ctx: Ctx;
  community: string;
  memberId: string;
  input: unknown;
}): Promise<{ memberId: string; panelStage: 'active' | 'removed' }> {
  const body = validate(DecideProbationBody, input);
  const { resource, member } = await loadReviewedMember(ctx, community, memberId);
  const communityId = resource.community.id;
  const stage = body.decision === 'confirm' ? 'active' : 'removed';
  await transact(ctx.kernel, async (trx, emit) => {
    if (!(await endProbation(trx, member.id, stage, stage === 'removed' ? 'suspended' : undefined)))
      throw new AppError('conflict', { messageKey: 'panel.error.notOnProbation' });
    const payload: ProbationDecidedPayload = { communityId, memberId: member.id, decision: body.decision };
    await emit({ type: PanelEvents.probationDecided, communityId, actorUserId: ctx.actor!.userId, payload });
    if (stage === 'removed' && member.status !== 'suspended')
      await emit({
        type: MemberEvents.statusChanged,
        communityId,
        actorUserId: ctx.actor!.userId,
        payload: {
          communityId,
          memberId: member.id,
          pseudonym: member.pseudonym,
          from: member.status,
          to: 'suspended',
        },
      });
    await writeAudit(trx, {
      communityId,
      actorUserId: ctx.actor!.userId,
      action: body.decision === 'confirm' ? 'member.probation_confirm' : 'member.probation_remove',
      targetType: 'membership',
      targetId: member.id,
      data: { note: body.note?.trim() ?? '', score: member.reliability_score },
    });
  });
  return { memberId: member.id, panelStage: stage };
}
