import type { NotificationKind } from '../../platform/db/schema.ts';
import type { NotificationListRow } from './notifications.repository.ts';
import type { EmailPreferencesDto, NotificationDto } from './notifications.schemas.ts';
import { NOTIFICATION_KINDS } from './unsubscribe-token.ts';

/**
 * A notification row as the API presents it (an allow-list of fields), with the actor's rank name
 * (`actorRank`, from `rankNamesByPseudonym`: one query a page).
 */
export function presentNotification(
  row: NotificationListRow,
  actorRank: string | null = null,
): NotificationDto {
  return {
    id: row.id,
    kind: row.kind,
    community: { slug: row.community_slug, name: row.community_name },
    topicId: row.topic_id,
    topicTitle: row.topic_title,
    replyId: row.reply_id,
    actorPseudonym: row.actor_pseudonym,
    actorRank,
    linkPath: row.link_path,
    params: row.params,
    read: row.read_at !== null,
    createdAt: row.created_at.toISOString(),
  };
}

/** Email preferences from the kinds turned off (every other kind is on). */
export function presentEmailPreferences(disabled: Set<NotificationKind>): EmailPreferencesDto {
  const out = {} as EmailPreferencesDto;
  for (const kind of NOTIFICATION_KINDS) out[kind] = !disabled.has(kind);
  return out;
}
