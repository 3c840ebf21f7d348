import type { Transaction } from 'kysely';
import { newId } from '../../../../platform/db/ids.ts';
import type { CaseRow, CaseStatus, DB } from '../../../../platform/db/schema.ts';
import type { Emit, Kernel } from '../../../../platform/kernel.ts';
import { CaseEvents, type CaseAssignedPayload, type CaseStatusChangedPayload } from '../cases.events.ts';
import { insertCaseHistory, updateCaseRow } from '../cases.repository.ts';
import { mailCaseAsker } from './case-mail.ts';

/**
 * Applies a status and/or assignee change to a locked case inside the caller's transaction: only what
 * differs is written, recorded in the history and emitted (`case.status_changed` with from/to,
 * `case.assigned`); a status change emails the asker. Returns the row after the change and what changed.
 */
export async function applyCaseChanges(
  kernel: Kernel,
  trx: Transaction<DB>,
  emit: Emit,
  current: CaseRow,
  changes: { status?: CaseStatus; assigneeId?: string | null },
  facts: {
    actorMemberId: string | null;
    actorUserId: string | null;
    topic: { id: string; title: string; author_id: string };
  },
): Promise<{ row: CaseRow; statusChanged: boolean; assigneeChanged: boolean }> {
  const status =
    changes.status !== undefined && changes.status !== current.status ? changes.status : undefined;
  const assigneeId =
    changes.assigneeId !== undefined && changes.assigneeId !== current.assignee_id
      ? changes.assigneeId
      : undefined;
  if (status === undefined && assigneeId === undefined)
    return { row: current, statusChanged: false, assigneeChanged: false };
  const row = await updateCaseRow(trx, current.id, { status, assigneeId });
  const base = { communityId: current.community_id, caseId: current.id };
  if (status !== undefined) {
    await insertCaseHistory(trx, {
      id: newId(),
      community_id: current.community_id,
      case_id: current.id,
      actor_id: facts.actorMemberId,
      kind: 'status_changed',
      from_value: current.status,
      to_value: status,
    });
    const payload: CaseStatusChangedPayload = {
      ...base,
      topicId: facts.topic.id,
      topicAuthorId: facts.topic.author_id,
      from: current.status,
      to: status,
    };
    await emit({
      type: CaseEvents.statusChanged,
      communityId: current.community_id,
      actorUserId: facts.actorUserId,
      payload,
    });
    await mailCaseAsker(kernel, trx, 'status', {
      askerId: facts.topic.author_id,
      topicId: facts.topic.id,
      topicTitle: facts.topic.title,
      status,
    });
  }
  if (assigneeId !== undefined) {
    await insertCaseHistory(trx, {
      id: newId(),
      community_id: current.community_id,
      case_id: current.id,
      actor_id: facts.actorMemberId,
      kind: 'assigned',
      from_value: current.assignee_id,
      to_value: assigneeId,
    });
    const payload: CaseAssignedPayload = { ...base, from: current.assignee_id, to: assigneeId };
    await emit({
      type: CaseEvents.assigned,
      communityId: current.community_id,
      actorUserId: facts.actorUserId,
      payload,
    });
  }
  return { row, statusChanged: status !== undefined, assigneeChanged: assigneeId !== undefined };
}
