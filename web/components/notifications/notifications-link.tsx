import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../lib/i18n.ts';
import { useChannel } from '../../lib/live-socket.ts';

/** The header's link to /notifications with the unread count, kept up to date live on `user:<id>`. */
export function NotificationsLink({ userId, unread }: { userId: string; unread: number }) {
  const t = useT();
  const [count, setCount] = useState(unread);
  useEffect(() => setCount(unread), [unread]);
  useChannel<{ unreadCount: number }>(`user:${userId}`, 'notifications.unread', (payload) => {
    if (typeof payload?.unreadCount === 'number') setCount(payload.unreadCount);
  });
  return (
    <Link to="/notifications" className="notifications-link">
      {t('notifications.title')}
      {count > 0 ? (
        <>
          {' '}
          <span className="count-badge" aria-hidden="true">
            {count}
          </span>
          <span className="visually-hidden">({t('notifications.unread', { count })})</span>
        </>
      ) : null}
    </Link>
  );
}
