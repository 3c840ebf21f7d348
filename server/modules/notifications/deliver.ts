import type { Transaction } from 'kysely';
import { DEFAULT_LOCALE, isLocale, type Locale, type MessageKey } from '../../../common/i18n/index.ts';
import type { Actor, MembershipFacts } from '../../platform/authz/actor.ts';
import { newId } from '../../platform/db/ids.ts';
import type { DB, NotificationKind } from '../../platform/db/schema.ts';
import type { Kernel } from '../../platform/kernel.ts';
import { type TopicResource, topicPolicy } from '../support/support.policy.ts';
import {
  findUsersWithEmailOff,
  insertNotifications,
  type Recipient,
  type TopicContext,
} from './notifications.repository.ts';
import { signUnsubscribeToken } from './unsubscribe-token.ts';

/** The kinds of notification about a topic (a reward's are delivered by `deliverNotice`). */
export type TopicNotificationKind = Exclude<NotificationKind, 'reward'>;

/** What happened, to whom it is told, and where. */
export interface Delivery {
  kind: TopicNotificationKind;
  /** The event id (or `reminder:<topicId>`): one notification per source and recipient, ever. */
  sourceKey: string;
  topic: TopicContext;
  replyId: string | null;
  /** The member whose action this is: never notified of it. */
  actorMemberId: string | null;
  actorPseudonym: string | null;
}

const MAIL_KEYS: Record<TopicNotificationKind, { subject: MessageKey; body: MessageKey }> = {
  reply: { subject: 'notifications.mail.reply.subject', body: 'notifications.mail.reply.body' },
  topic: { subject: 'notifications.mail.topic.subject', body: 'notifications.mail.topic.body' },
  solution: { subject: 'notifications.mail.solution.subject', body: 'notifications.mail.solution.body' },
  mention: { subject: 'notifications.mail.mention.subject', body: 'notifications.mail.mention.body' },
  reminder: { subject: 'notifications.mail.reminder.subject', body: 'notifications.mail.reminder.body' },
};

/** The recipient's interface language, else the community's, else the default. */
function localeOf(recipient: Recipient, topic: TopicContext): Locale {
  if (isLocale(recipient.locale)) return recipient.locale;
  if (isLocale(topic.community_locale)) return topic.community_locale;
  return DEFAULT_LOCALE;
}

/** A topic as the support policy sees it, for one member (or none). */
export function topicResourceOf(topic: TopicContext, membership: MembershipFacts | null): TopicResource {
  return {
    community: {
      id: topic.community_id,
      visibility: topic.community_visibility,
      join_policy: topic.community_join_policy,
    },
    membership,
    board: {
      visibility: topic.board_visibility,
      posting: topic.board_posting,
      kind: topic.board_kind,
      premoderation: topic.board_premoderation,
    },
    topic,
  };
}

/** Whether the recipient may still read the topic (board visibility, role, membership status). */
function mayRead(recipient: Recipient, topic: TopicContext): boolean {
  const actor: Actor = {
    userId: recipient.userId,
    email: recipient.email,
    name: recipient.pseudonym,
    emailVerified: true,
    isPlatformAdmin: recipient.isPlatformAdmin,
    locale: recipient.locale,
  };
  const membership = {
    id: recipient.memberId,
    role: recipient.role,
    status: recipient.status,
    pseudonym: recipient.pseudonym,
  };
  return topicPolicy.view(actor, topicResourceOf(topic, membership));
}

/**
 * Writes one in-app notification per recipient (never to the actor, never to someone who may not read the
 * topic, never twice for one source) and queues its email unless the recipient turned that kind off. The
 * email carries a one-click unsubscribe link and the RFC 8058 headers. Returns the recipients notified.
 * A fan-out to every follower of a topic costs three statements, however many they are.
 */
export async function deliver(
  kernel: Kernel,
  trx: Transaction<DB>,
  delivery: Delivery,
  recipients: Recipient[],
): Promise<Recipient[]> {
  const { topic } = delivery;
  const base = kernel.config.publicUrl;
  const topicUrl = `${base}/c/${topic.community_slug}/t/${topic.id}${delivery.replyId ? `#reply-${delivery.replyId}` : ''}`;
  const candidates = new Map<string, Recipient>();
  for (const recipient of recipients) {
    if (recipient.memberId === delivery.actorMemberId || candidates.has(recipient.memberId)) continue;
    if (mayRead(recipient, topic)) candidates.set(recipient.memberId, recipient);
  }
  if (candidates.size === 0) return [];
  const emailOff = await findUsersWithEmailOff(
    trx,
    [...candidates.values()].map((r) => r.userId),
    delivery.kind,
  );
  const inserted = await insertNotifications(
    trx,
    [...candidates.values()].map((recipient) => ({
      id: newId(),
      community_id: topic.community_id,
      recipient_id: recipient.memberId,
      user_id: recipient.userId,
      kind: delivery.kind,
      source_key: delivery.sourceKey,
      topic_id: topic.id,
      reply_id: delivery.replyId,
      actor_pseudonym: delivery.actorPseudonym,
    })),
  );
  const notified = [...candidates.values()].filter((recipient) => inserted.has(recipient.memberId));
  const keys = MAIL_KEYS[delivery.kind];
  await kernel.mailer.queueMany(
    notified
      .filter((recipient) => !emailOff.has(recipient.userId))
      .map((recipient) => {
        const unsubscribeUrl = `${base}/unsubscribe/${signUnsubscribeToken(kernel.config.sessionSecret, recipient.userId, delivery.kind)}`;
        return {
          to: recipient.email,
          kind: `notification.${delivery.kind}`,
          locale: localeOf(recipient, topic),
          subjectKey: keys.subject,
          bodyKey: keys.body,
          params: {
            actor: delivery.actorPseudonym ?? '',
            topic: topic.title,
            board: topic.board_title,
            community: topic.community_name,
            url: topicUrl,
            unsubscribeUrl,
          },
          headers: {
            'List-Unsubscribe': `<${unsubscribeUrl}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        };
      }),
    trx,
  );
  return notified;
}
