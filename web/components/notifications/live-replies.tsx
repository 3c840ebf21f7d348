import { useState } from 'react';
import type { LiveReply } from '../../../server/modules/notifications/live.ts';
import { useT } from '../../lib/i18n.ts';
import { useChannel } from '../../lib/live-socket.ts';
import { Avatar, LocalTime, RoleBadge } from '../bits.tsx';

/**
 * Replies published while the topic is open, appended without reload (deduplicated by id, and dropped
 * once the page's own list has them), with a polite live region announcing how many arrived.
 */
export function LiveReplies({ topicId, knownIds }: { topicId: string; knownIds: string[] }) {
  const t = useT();
  const [arrived, setArrived] = useState<LiveReply[]>([]);
  useChannel<LiveReply>(`topic:${topicId}`, 'reply.published', (reply) => {
    if (reply.topicId !== topicId) return;
    setArrived((list) => (list.some((r) => r.id === reply.id) ? list : [...list, reply]));
  });
  const known = new Set(knownIds);
  const fresh = arrived.filter((r) => !known.has(r.id));
  return (
    <>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {fresh.length > 0 ? t('notifications.liveNew', { count: fresh.length }) : ''}
      </p>
      {fresh.map((reply) => (
        <article
          key={reply.id}
          className="post post--live"
          id={`reply-${reply.id}`}
          aria-label={t('support.by', { pseudonym: reply.author.pseudonym })}
        >
          <header className="post__head">
            <Avatar name={reply.author.pseudonym} />
            <p>
              <strong>{reply.author.pseudonym}</strong> <RoleBadge role={reply.author.role} />
              <br />
              <span className="meta">
                <LocalTime iso={reply.createdAt} withTime />
              </span>{' '}
              <span className="badge">{t('notifications.new')}</span>
            </p>
          </header>
          <div className="post__body" dangerouslySetInnerHTML={{ __html: reply.bodyHtml }} />
        </article>
      ))}
    </>
  );
}
