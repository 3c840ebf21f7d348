import { writeAudit } from '../../../../platform/audit.ts';
import { authorize } from '../../../../platform/authz/policy.ts';
import type { Ctx } from '../../../../platform/context.ts';
import { newId } from '../../../../platform/db/ids.ts';
import { AppError } from '../../../../platform/errors/app-error.ts';
import { validate } from '../../../../platform/http/validation.ts';
import { transact } from '../../../../platform/kernel.ts';
import { renderMarkdown } from '../../../../platform/text/markdown.ts';
import { SupportEvents } from '../../support.events.ts';
import { insertReply, setSolution } from '../../support.repository.ts';
import { casePolicy } from '../cases.policy.ts';
import { insertCaseHistory, lockCase } from '../cases.repository.ts';
import { type CaseDetailDto, OfficialAnswerBody } from '../cases.schemas.ts';
import { applyCaseChanges } from './apply-case-changes.ts';
import { getCase } from './get-case.ts';
import { loadCase } from './load-case.ts';

/**
 * Posts an agent's official answer in the case's question: a published reply marked `official` (shown as
 * the brand's answer, even from an observer, who otherwise never posts publicly). The case then waits for
 * the member, or is solved, as chosen: a solved case makes the answer the question's accepted solution.
 * An unassigned case is assigned to the agent. Emits `reply.created` (with `official`), `solution.accepted`
 * (when solved), `case.status_changed` (and emails the asker) and `case.assigned`; audited.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden: not a case worker with a
 *   membership | conflict: the question is no longer published)
 */
export async function postOfficialAnswer({
  ctx,
  community,
  caseId,
  input,
}: {
  ctx: Ctx;
  community: string;
  caseId: string;
  input: unknown;
}): Promise<CaseDetailDto> {
  const body = validate(OfficialAnswerBody, input);
  if (body.body.trim() === '') throw AppError.field('/body', 'validation.required');
  const resource = await loadCase(ctx, community, caseId);
  authorize(casePolicy, 'answer', ctx.actor, resource);
  const { community: c, case: found } = resource;
  if (found.topic_status !== 'published') throw new AppError('conflict', { messageKey: 'case.topicClosed' });
  const agentId = resource.membership!.id;
  const status = body.status ?? 'waiting_for_member';
  await transact(ctx.kernel, async (trx, emit) => {
    const current = await lockCase(trx, found.id);
    const reply = await insertReply(trx, {
      id: newId(),
      community_id: c.id,
      topic_id: found.topic_id,
      author_id: agentId,
      in_reply_to_id: null,
      body: body.body,
      body_html: renderMarkdown(body.body),
      status: 'published',
      official: true,
    });
    await emit({
      type: SupportEvents.replyCreated,
      communityId: c.id,
      actorUserId: ctx.actor!.userId,
      payload: {
        communityId: c.id,
        topicId: found.topic_id,
        replyId: reply.id,
        authorId: agentId,
        topicAuthorId: found.topic_author_id,
        status: 'published',
        official: true,
      },
    });
    if (status === 'solved') {
      // "Solved" with an answer means this answer solves the question: the topic shows it as its solution,
      // so the topic, the asker's list of questions and the case say the same thing.
      await setSolution(trx, reply, true);
      await emit({
        type: SupportEvents.solutionAccepted,
        communityId: c.id,
        actorUserId: ctx.actor!.userId,
        payload: {
          communityId: c.id,
          topicId: found.topic_id,
          replyId: reply.id,
          replyAuthorId: agentId,
          topicAuthorId: found.topic_author_id,
        },
      });
    }
    await insertCaseHistory(trx, {
      id: newId(),
      community_id: c.id,
      case_id: found.id,
      actor_id: agentId,
      kind: 'answered',
      from_value: null,
      to_value: reply.id,
    });
    await applyCaseChanges(
      ctx.kernel,
      trx,
      emit,
      current,
      { status, ...(current.assignee_id ? {} : { assigneeId: agentId }) },
      {
        actorMemberId: agentId,
        actorUserId: ctx.actor!.userId,
        topic: { id: found.topic_id, title: found.topic_title, author_id: found.topic_author_id },
      },
    );
    await writeAudit(trx, {
      communityId: c.id,
      actorUserId: ctx.actor!.userId,
      action: 'case.answer',
      targetType: 'case',
      targetId: found.id,
      data: { replyId: reply.id, status },
    });
  });
  return getCase({ ctx, community, caseId: found.id });
}
