import type { Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { StoredEvent } from '../../../platform/events/outbox.ts';
import { ModerationEvents } from '../../moderation/moderation.events.ts';
import { SupportEvents } from '../../support/support.events.ts';
import { awardPoints, reverseAwardsOf } from '../award-points.ts';
import { findFastAnswerFacts } from '../points.repository.ts';
import { restoreAwardsOf } from '../restore-awards.ts';

/** The events that earn points. */
export const AWARD_EVENTS = [
  SupportEvents.topicCreated,
  SupportEvents.replyCreated,
  ModerationEvents.contentApproved,
  SupportEvents.solutionAccepted,
  SupportEvents.kudosGiven,
] as const;

/** The events that take back what an item earned (and the restore that gives it back). */
export const REVERSAL_EVENTS = [
  ModerationEvents.contentHidden,
  ModerationEvents.contentDeleted,
  SupportEvents.replyDeleted,
  SupportEvents.topicDeleted,
  SupportEvents.solutionUnaccepted,
  ModerationEvents.contentRestored,
] as const;

const str = (value: unknown) => String(value);

/** Awards a post that just became public: its author's points, and the fast-answer bonus for a reply. */
async function awardPublishedPost(
  trx: Transaction<DB>,
  event: StoredEvent,
  post: { communityId: string; type: 'topic' | 'reply'; id: string; authorId: string },
) {
  const common = {
    communityId: post.communityId,
    sourceEventId: event.id,
    sourceType: post.type,
    sourceId: post.id,
  };
  if (post.type === 'topic') {
    await awardPoints(trx, { ...common, memberId: post.authorId, action: 'topic.posted' });
    return;
  }
  await awardPoints(trx, { ...common, memberId: post.authorId, action: 'reply.posted' });
  const fast = await findFastAnswerFacts(trx, post.communityId, post.id);
  if (fast?.fast) {
    await awardPoints(trx, { ...common, memberId: fast.authorId, action: 'question.answered_fast' });
  }
}

/**
 * The subscriber `rewards.awards`: turns support events into ledger awards. A post earns its author
 * points when it becomes public (`topic.created`/`reply.created` published, or `content.approved` from
 * pending); an accepted solution earns its reply's author points (the asker is the counterpart: the
 * per-pair cap applies, and solving one's own question earns nothing); kudos earn their receiver points
 * (never oneself; capped per giver → receiver pair per day). Idempotent by the awards' keys.
 */
export async function onAwardEvent(event: StoredEvent, trx: Transaction<DB>): Promise<void> {
  const p = event.payload;
  const communityId = str(p.communityId);
  switch (event.type) {
    case SupportEvents.topicCreated:
      if (p.status === 'published')
        await awardPublishedPost(trx, event, {
          communityId,
          type: 'topic',
          id: str(p.topicId),
          authorId: str(p.authorId),
        });
      return;
    case SupportEvents.replyCreated:
      if (p.status === 'published')
        await awardPublishedPost(trx, event, {
          communityId,
          type: 'reply',
          id: str(p.replyId),
          authorId: str(p.authorId),
        });
      return;
    case ModerationEvents.contentApproved:
      if (p.previousStatus === 'pending' && p.status === 'published')
        await awardPublishedPost(trx, event, {
          communityId,
          type: p.targetType === 'topic' ? 'topic' : 'reply',
          id: str(p.targetId),
          authorId: str(p.authorId),
        });
      return;
    case SupportEvents.solutionAccepted:
      await awardPoints(trx, {
        communityId,
        memberId: str(p.replyAuthorId),
        action: 'solution.accepted',
        sourceEventId: event.id,
        sourceType: 'reply',
        sourceId: str(p.replyId),
        counterpartId: str(p.topicAuthorId),
      });
      return;
    case SupportEvents.kudosGiven:
      await awardPoints(trx, {
        communityId,
        memberId: str(p.receiverId),
        action: 'kudos.received',
        sourceEventId: event.id,
        sourceType: str(p.targetType),
        sourceId: str(p.targetId),
        counterpartId: str(p.giverId),
      });
      return;
  }
}

/**
 * The subscriber `rewards.reversals`: when a post is hidden or deleted, the points it earned (posting,
 * solution, kudos, fast answer) are reversed with a visible entry whose reason is the event; when a
 * solution is withdrawn, only the solution's points are. When a moderator restores the item, what its
 * reversals took is earned again (`restoreAwardsOf`, keyed by the restore event: a replay pays once).
 */
export async function onReversalEvent(event: StoredEvent, trx: Transaction<DB>): Promise<void> {
  const p = event.payload;
  const communityId = str(p.communityId);
  const reason = event.type;
  switch (event.type) {
    case ModerationEvents.contentHidden:
    case ModerationEvents.contentDeleted:
      await reverseAwardsOf(trx, communityId, { type: str(p.targetType), id: str(p.targetId), reason });
      return;
    case ModerationEvents.contentRestored:
      await restoreAwardsOf(trx, communityId, {
        type: str(p.targetType),
        id: str(p.targetId),
        eventId: event.id,
      });
      return;
    case SupportEvents.replyDeleted:
      await reverseAwardsOf(trx, communityId, { type: 'reply', id: str(p.replyId), reason });
      return;
    case SupportEvents.topicDeleted:
      await reverseAwardsOf(trx, communityId, { type: 'topic', id: str(p.topicId), reason });
      return;
    case SupportEvents.solutionUnaccepted:
      await reverseAwardsOf(trx, communityId, {
        type: 'reply',
        id: str(p.replyId),
        actions: ['solution.accepted'],
        reason,
      });
      return;
  }
}
