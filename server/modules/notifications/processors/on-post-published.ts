import type { Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { StoredEvent } from '../../../platform/events/outbox.ts';
import type { Kernel } from '../../../platform/kernel.ts';
import { pseudonymKey } from '../../members/pseudonym.ts';
import { ModerationEvents } from '../../moderation/moderation.events.ts';
import { SupportEvents } from '../../support/support.events.ts';
import { deliver } from '../deliver.ts';
import { mentionedKeys } from '../mentions.ts';
import {
  findFollowers,
  findPost,
  findRecipientsByPseudonymKeys,
  findTopicContext,
  followIfUndecided,
  type Recipient,
} from '../notifications.repository.ts';

/** The events after which a post may have just become public. */
export const POST_EVENTS = [
  SupportEvents.topicCreated,
  SupportEvents.replyCreated,
  ModerationEvents.contentApproved,
] as const;

/** The post an event made public, or null when it made nothing public (pending, restored…). */
export function publishedPostOf(
  event: StoredEvent,
): { type: 'topic' | 'reply'; postId: string; topicId: string } | null {
  const p = event.payload;
  if (event.type === SupportEvents.topicCreated && p.status === 'published') {
    return { type: 'topic', postId: String(p.topicId), topicId: String(p.topicId) };
  }
  if (event.type === SupportEvents.replyCreated && p.status === 'published') {
    return { type: 'reply', postId: String(p.replyId), topicId: String(p.topicId) };
  }
  if (
    event.type === ModerationEvents.contentApproved &&
    p.previousStatus === 'pending' &&
    p.status === 'published' &&
    (p.targetType === 'topic' || p.targetType === 'reply')
  ) {
    return { type: p.targetType, postId: String(p.targetId), topicId: String(p.topicId) };
  }
  return null;
}

/** The active members mentioned in a body, at most `MAX_MENTIONS`, in the order they appear. */
async function mentionedMembers(
  trx: Transaction<DB>,
  communityId: string,
  body: string,
): Promise<Recipient[]> {
  const groups = mentionedKeys(body);
  const members = await findRecipientsByPseudonymKeys(trx, communityId, groups.flat());
  const byKey = new Map<string, Recipient>();
  for (const member of members) byKey.set(pseudonymKey(member.pseudonym), member);
  const found: Recipient[] = [];
  for (const keys of groups) {
    const member = keys.map((k) => byKey.get(k)).find((m) => m !== undefined);
    if (member && !found.includes(member)) found.push(member);
  }
  return found;
}

/**
 * Reacts to a post becoming public: its author follows the topic (and a reply's asker too, unless they
 * unfollowed), mentioned members get a `mention`, then followers of the topic (`reply`) or of the board
 * (`topic`) are notified; a member mentioned and following hears once.
 */
export async function onPostPublished(
  kernel: Kernel,
  event: StoredEvent,
  trx: Transaction<DB>,
): Promise<void> {
  const published = publishedPostOf(event);
  if (!published) return;
  const topic = await findTopicContext(trx, published.topicId);
  if (!topic || topic.status !== 'published') return;
  const post = await findPost(trx, published.type, published.postId);
  if (!post || post.status !== 'published') return;
  const follow = (memberId: string) =>
    followIfUndecided(trx, {
      community_id: topic.community_id,
      member_id: memberId,
      target_type: 'topic',
      target_id: topic.id,
    });
  await follow(topic.author_id);
  await follow(post.author_id);
  const base = {
    sourceKey: event.id,
    topic,
    replyId: published.type === 'reply' ? post.id : null,
    actorMemberId: post.author_id,
    actorPseudonym: post.pseudonym,
  };
  await deliver(
    kernel,
    trx,
    { ...base, kind: 'mention' },
    await mentionedMembers(trx, topic.community_id, post.body),
  );
  const followers =
    published.type === 'topic'
      ? await findFollowers(trx, topic.community_id, [{ type: 'board', id: topic.board_id }])
      : await findFollowers(trx, topic.community_id, [{ type: 'topic', id: topic.id }]);
  await deliver(kernel, trx, { ...base, kind: published.type === 'topic' ? 'topic' : 'reply' }, followers);
}
