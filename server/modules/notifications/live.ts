import type { Kernel } from '../../platform/kernel.ts';
import { findPublishedReply, unreadCountsOfSource } from './notifications.repository.ts';

/** The realtime event telling a browser its unread notifications count changed. */
export const UNREAD_EVENT = 'notifications.unread';
/** The realtime event carrying a reply just published in a topic. */
export const REPLY_EVENT = 'reply.published';

/** Tells every account notified from a source its new unread count, on `user:<userId>`. */
export async function publishUnreadCounts(kernel: Kernel, sourceKey: string): Promise<void> {
  for (const row of await unreadCountsOfSource(kernel.db, sourceKey)) {
    kernel.realtime.publish(`user:${row.user_id}`, UNREAD_EVENT, { unreadCount: Number(row.unread) });
  }
}

/** The public face of a reply sent live to a topic's readers: no abilities, no private field. */
export interface LiveReply {
  id: string;
  topicId: string;
  bodyHtml: string;
  inReplyToId: string | null;
  isSolution: boolean;
  author: { id: string; pseudonym: string; role: string };
  createdAt: string;
}

/** Sends a published reply to the readers of its topic, on `topic:<topicId>`. */
export async function publishReply(kernel: Kernel, replyId: string): Promise<void> {
  const row = await findPublishedReply(kernel.db, replyId);
  if (!row) return;
  const reply: LiveReply = {
    id: row.id,
    topicId: row.topic_id,
    bodyHtml: row.body_html,
    inReplyToId: row.in_reply_to_id,
    isSolution: row.is_solution,
    author: { id: row.author_id, pseudonym: row.author_pseudonym, role: row.author_role },
    createdAt: row.created_at.toISOString(),
  };
  kernel.realtime.publish(`topic:${row.topic_id}`, REPLY_EVENT, reply);
}
