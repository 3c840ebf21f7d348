import { writeAudit } from '../../../../platform/audit.ts';
import { authorize } from '../../../../platform/authz/policy.ts';
import type { Ctx } from '../../../../platform/context.ts';
import { newId } from '../../../../platform/db/ids.ts';
import { AppError } from '../../../../platform/errors/app-error.ts';
import { validate } from '../../../../platform/http/validation.ts';
import { transact } from '../../../../platform/kernel.ts';
import { CaseEvents, type CaseNoteAddedPayload } from '../cases.events.ts';
import { casePolicy, isCaseWorker } from '../cases.policy.ts';
import { findCaseWorker, insertCaseHistory, insertCaseNote, lockCase } from '../cases.repository.ts';
import { type CaseDetailDto, UpdateCaseBody } from '../cases.schemas.ts';
import { applyCaseChanges } from './apply-case-changes.ts';
import { getCase } from './get-case.ts';
import { loadCase } from './load-case.ts';

/**
 * Works a case (case workers): changes its status, assigns it to a case worker of the same community (or
 * unassigns it with null; assigning a new case opens it) and adds an internal note, in one transaction. Emits `case.status_changed`
 * (and emails the asker), `case.assigned`, `case.note_added`; the change is audited.
 * @throws AppError(validation_failed: input, or an assignee who is not a case worker of the community |
 *   not_found | unauthenticated | forbidden)
 */
export async function updateCase({
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
  const body = validate(UpdateCaseBody, input);
  if (body.note !== undefined && body.note.trim() === '')
    throw AppError.field('/note', 'validation.required');
  const resource = await loadCase(ctx, community, caseId);
  authorize(casePolicy, 'work', ctx.actor, resource);
  const { community: c, case: found } = resource;
  if (body.assigneeId) {
    const assignee = await findCaseWorker(ctx.kernel.db, c.id, body.assigneeId);
    if (!assignee || !isCaseWorker({ ...assignee, supportAgent: assignee.support_agent }))
      throw AppError.field('/assigneeId', 'validation.invalidChoice');
  }
  if (body.note !== undefined && !resource.membership)
    throw AppError.field('/note', 'case.noteNeedsMembership');
  const actorMemberId = resource.membership?.id ?? null;
  await transact(ctx.kernel, async (trx, emit) => {
    const current = await lockCase(trx, found.id);
    // Giving a new case to someone means it is being worked: it opens (unless another status is chosen).
    const assigning = !!body.assigneeId && body.assigneeId !== current.assignee_id;
    const status =
      assigning && current.status === 'new' && (body.status ?? 'new') === 'new' ? 'open' : body.status;
    const { row, statusChanged, assigneeChanged } = await applyCaseChanges(
      ctx.kernel,
      trx,
      emit,
      current,
      { status, assigneeId: body.assigneeId },
      {
        actorMemberId,
        actorUserId: ctx.actor!.userId,
        topic: { id: found.topic_id, title: found.topic_title, author_id: found.topic_author_id },
      },
    );
    let noteId: string | null = null;
    if (body.note !== undefined && actorMemberId) {
      const note = await insertCaseNote(trx, {
        id: newId(),
        community_id: c.id,
        case_id: found.id,
        author_id: actorMemberId,
        body: body.note,
      });
      noteId = note.id;
      await insertCaseHistory(trx, {
        id: newId(),
        community_id: c.id,
        case_id: found.id,
        actor_id: actorMemberId,
        kind: 'note_added',
        from_value: null,
        to_value: null,
      });
      const payload: CaseNoteAddedPayload = {
        communityId: c.id,
        caseId: found.id,
        noteId: note.id,
        authorId: actorMemberId,
      };
      await emit({ type: CaseEvents.noteAdded, communityId: c.id, actorUserId: ctx.actor!.userId, payload });
    }
    if (statusChanged || assigneeChanged || noteId) {
      await writeAudit(trx, {
        communityId: c.id,
        actorUserId: ctx.actor!.userId,
        action: 'case.update',
        targetType: 'case',
        targetId: found.id,
        data: {
          from: { status: current.status, assigneeId: current.assignee_id },
          to: { status: row.status, assigneeId: row.assignee_id },
          noteId,
        },
      });
    }
  });
  return getCase({ ctx, community, caseId: found.id });
}
