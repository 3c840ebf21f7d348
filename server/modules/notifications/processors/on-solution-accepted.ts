import { findMembershipFacts } from '../../communities/communities.repository.ts';
import type { Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { StoredEvent } from '../../../platform/events/outbox.ts';
import type { Kernel } from '../../../platform/kernel.ts';
import { deliver } from '../deliver.ts';
import { findRecipientsByIds, findTopicContext } from '../notifications.repository.ts';

/**
 * Reacts to `solution.accepted`: the asker and the reply's author hear that a solution was accepted,
 * unless they accepted it themselves.
 */
export async function onSolutionAccepted(
  kernel: Kernel,
  event: StoredEvent,
  trx: Transaction<DB>,
): Promise<void> {
  const p = event.payload as {
    topicId: string;
    replyId: string;
    replyAuthorId: string;
    topicAuthorId: string;
  };
  const topic = await findTopicContext(trx, p.topicId);
  if (!topic || topic.status !== 'published') return;
  const actor = await findMembershipFacts(trx, topic.community_id, event.actorUserId ?? undefined);
  const recipients = await findRecipientsByIds(trx, topic.community_id, [p.topicAuthorId, p.replyAuthorId]);
  await deliver(
    kernel,
    trx,
    {
      kind: 'solution',
      sourceKey: event.id,
      topic,
      replyId: p.replyId,
      actorMemberId: actor?.id ?? null,
      actorPseudonym: actor?.pseudonym ?? null,
    },
    recipients,
  );
}
