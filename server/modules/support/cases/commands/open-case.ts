import type { Transaction } from 'kysely';
import { newId } from '../../../../platform/db/ids.ts';
import type { CaseOpenedBy, CaseRow, DB } from '../../../../platform/db/schema.ts';
import type { Emit, Kernel } from '../../../../platform/kernel.ts';
import { CaseEvents, type CaseOpenedPayload } from '../cases.events.ts';
import { insertCaseHistory, insertCaseOnce } from '../cases.repository.ts';
import { mailCaseAsker } from './case-mail.ts';

/**
 * Opens the case of a question inside the caller's transaction, unless it already has one (the unique
 * topic makes this idempotent, even concurrently). Writes the history, emits `case.opened` and emails
 * the asker. Returns the new case, or undefined when the question already had one.
 */
export async function openCase(
  kernel: Kernel,
  trx: Transaction<DB>,
  emit: Emit,
  facts: {
    communityId: string;
    topic: { id: string; title: string; author_id: string };
    openedBy: CaseOpenedBy;
    actorMemberId: string | null;
    actorUserId: string | null;
  },
): Promise<CaseRow | undefined> {
  const row = await insertCaseOnce(trx, {
    id: newId(),
    community_id: facts.communityId,
    topic_id: facts.topic.id,
    opened_by: facts.openedBy,
  });
  if (!row) return undefined;
  await insertCaseHistory(trx, {
    id: newId(),
    community_id: facts.communityId,
    case_id: row.id,
    actor_id: facts.actorMemberId,
    kind: 'opened',
    from_value: null,
    to_value: row.status,
  });
  const payload: CaseOpenedPayload = {
    communityId: facts.communityId,
    caseId: row.id,
    topicId: facts.topic.id,
    topicAuthorId: facts.topic.author_id,
    openedBy: facts.openedBy,
  };
  await emit({
    type: CaseEvents.opened,
    communityId: facts.communityId,
    actorUserId: facts.actorUserId,
    payload,
  });
  await mailCaseAsker(kernel, trx, 'opened', {
    askerId: facts.topic.author_id,
    topicId: facts.topic.id,
    topicTitle: facts.topic.title,
    status: row.status,
  });
  return row;
}
