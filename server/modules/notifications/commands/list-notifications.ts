import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { decodeCursor, toPage } from '../../../platform/http/pagination.ts';
import { validate } from '../../../platform/http/validation.ts';
import { notificationsPolicy } from '../notifications.policy.ts';
import { presentNotification } from '../notifications.presenter.ts';
import { rankNamesByPseudonym } from '../../rewards/rank-labels.ts';
import { countUnread, listNotificationRows } from '../notifications.repository.ts';
import { ListNotificationsQuery, type NotificationPageDto } from '../notifications.schemas.ts';

/**
 * The caller's notifications across their communities, newest first (`unread` keeps the unread ones),
 * with the unread count.
 * @throws AppError(validation_failed | bad_request: malformed cursor | unauthenticated)
 */
export async function listNotifications({
  ctx,
  query,
}: {
  ctx: Ctx;
  query: unknown;
}): Promise<NotificationPageDto> {
  const q = validate(ListNotificationsQuery, query);
  authorize(notificationsPolicy, 'readOwn', ctx.actor, null);
  const after = decodeCursor(q.cursor, ['timestamp', 'uuid']) as [string, string] | null;
  const limit = q.limit ?? 20;
  const userId = ctx.actor!.userId;
  const rows = await listNotificationRows(ctx.kernel.db, userId, {
    limit,
    after,
    unreadOnly: q.unread ?? false,
  });
  const ranks = await rankNamesByPseudonym(
    ctx.kernel.db,
    rows
      .slice(0, limit)
      .flatMap((r) =>
        r.actor_pseudonym ? [{ communityId: r.community_id, pseudonym: r.actor_pseudonym }] : [],
      ),
  );
  const page = toPage(
    rows,
    limit,
    (row) => presentNotification(row, ranks.get(`${row.community_id}:${row.actor_pseudonym}`) ?? null),
    (row) => [row.cursor_at, row.id],
  );
  return { ...page, unreadCount: await countUnread(ctx.kernel.db, userId) };
}

/** The caller's unread notifications count; 0 for visitors (the web header shows it on every page). */
export async function countUnreadNotifications({ ctx }: { ctx: Ctx }): Promise<number> {
  if (!notificationsPolicy.readOwn(ctx.actor, null)) return 0;
  return countUnread(ctx.kernel.db, ctx.actor!.userId);
}
