import type { Transaction } from 'kysely';
import { DEFAULT_LOCALE, isLocale, type MessageKey, type MessageParams } from '../../../common/i18n/index.ts';
import { newId } from '../../platform/db/ids.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Kernel } from '../../platform/kernel.ts';
import {
  findCommunityFacts,
  findRecipientsByIds,
  findUsersWithEmailOff,
  insertNotification,
} from './notifications.repository.ts';
import { signUnsubscribeToken } from './unsubscribe-token.ts';

/** A notification that is not about a topic (a reward request's step): one member, a link, a message. */
export interface Notice {
  kind: 'reward';
  communityId: string;
  /** The event id: one notification per source and recipient, ever (a replayed event writes nothing). */
  sourceKey: string;
  recipientMemberId: string;
  /** The web path it opens, under the community (`/rewards/mine` → `/c/<slug>/rewards/mine`). */
  path: string;
  /** The parameters of the in-app message and of the email (strings and numbers only). */
  params: MessageParams;
  mail: { subject: MessageKey; body: MessageKey };
}

/**
 * Delivers a notice to an active member: one in-app notification (its link path and parameters kept for
 * the web) and, unless they turned that kind of email off, an email in their language (else the
 * community's) with the one-click unsubscribe link and headers (RFC 8058). Inside the caller's
 * transaction (a subscriber's), so it happens once per event. Returns whether it was delivered now.
 */
export async function deliverNotice(kernel: Kernel, trx: Transaction<DB>, notice: Notice): Promise<boolean> {
  const [recipient] = await findRecipientsByIds(trx, notice.communityId, [notice.recipientMemberId]);
  const community = await findCommunityFacts(trx, notice.communityId);
  if (!recipient || !community) return false;
  const linkPath = `/c/${community.slug}${notice.path}`;
  const id = await insertNotification(trx, {
    id: newId(),
    community_id: notice.communityId,
    recipient_id: recipient.memberId,
    user_id: recipient.userId,
    kind: notice.kind,
    source_key: notice.sourceKey,
    topic_id: null,
    reply_id: null,
    actor_pseudonym: null,
    link_path: linkPath,
    params: JSON.stringify(notice.params),
  });
  if (!id) return false;
  const emailOff = await findUsersWithEmailOff(trx, [recipient.userId], notice.kind);
  if (emailOff.has(recipient.userId)) return true;
  const base = kernel.config.publicUrl;
  const unsubscribeUrl = `${base}/unsubscribe/${signUnsubscribeToken(kernel.config.sessionSecret, recipient.userId, notice.kind)}`;
  const locale = isLocale(recipient.locale)
    ? recipient.locale
    : isLocale(community.default_locale)
      ? community.default_locale
      : DEFAULT_LOCALE;
  await kernel.mailer.queue(
    {
      to: recipient.email,
      kind: `notification.${notice.kind}`,
      locale,
      subjectKey: notice.mail.subject,
      bodyKey: notice.mail.body,
      params: { ...notice.params, community: community.name, url: `${base}${linkPath}`, unsubscribeUrl },
      headers: {
        'List-Unsubscribe': `<${unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    },
    trx,
  );
  return true;
}
