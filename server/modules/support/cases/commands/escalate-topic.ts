import { writeAudit } from '../../../../platform/audit.ts';
import { authorize } from '../../../../platform/authz/policy.ts';
import type { Ctx } from '../../../../platform/context.ts';
import { AppError } from '../../../../platform/errors/app-error.ts';
import { validate } from '../../../../platform/http/validation.ts';
import { transact } from '../../../../platform/kernel.ts';
import { loadTopic } from '../../commands/load-support.ts';
import { topicCasePolicy } from '../cases.policy.ts';
import { presentCaseBadge } from '../cases.presenter.ts';
import { findCaseOfTopic } from '../cases.repository.ts';
import { type CaseBadgeDto, EscalateBody } from '../cases.schemas.ts';
import { openCase } from './open-case.ts';

/**
 * Turns a published, unsolved question into a support case, at the request of its asker or a moderator.
 * Emits `case.opened`, emails the asker, and audits a staff escalation.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden: not the asker nor a moderator, or not a
 *   published question | conflict: the question already has a case, or is solved)
 */
export async function escalateTopic({
  ctx,
  community,
  topicId,
  input = {},
}: {
  ctx: Ctx;
  community: string;
  topicId: string;
  input?: unknown;
}): Promise<CaseBadgeDto> {
  validate(EscalateBody, input);
  const resource = await loadTopic(ctx, community, topicId);
  authorize(topicCasePolicy, 'escalate', ctx.actor, resource);
  const { topic } = resource;
  if (topic.solved) throw new AppError('conflict', { messageKey: 'case.topicSolved' });
  if (await findCaseOfTopic(ctx.kernel.db, topic.id))
    throw new AppError('conflict', { messageKey: 'case.alreadyOpen' });
  const asker = resource.membership?.id === topic.author_id;
  const row = await transact(ctx.kernel, async (trx, emit) => {
    const opened = await openCase(ctx.kernel, trx, emit, {
      communityId: resource.community.id,
      topic,
      openedBy: asker ? 'author' : 'moderator',
      actorMemberId: resource.membership?.id ?? null,
      actorUserId: ctx.actor!.userId,
    });
    // A concurrent escalation won the unique topic: report it like the check above.
    if (!opened) throw new AppError('conflict', { messageKey: 'case.alreadyOpen' });
    if (!asker) {
      await writeAudit(trx, {
        communityId: resource.community.id,
        actorUserId: ctx.actor!.userId,
        action: 'case.escalate',
        targetType: 'topic',
        targetId: topic.id,
        data: { caseId: opened.id },
      });
    }
    return opened;
  });
  return presentCaseBadge(row, ctx.locale);
}
