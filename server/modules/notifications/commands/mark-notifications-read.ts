import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { UNREAD_EVENT } from '../live.ts';
import { NotificationEvents } from '../notifications.events.ts';
import { notificationsPolicy } from '../notifications.policy.ts';
import { countUnread, markRead } from '../notifications.repository.ts';
import { MarkReadBody } from '../notifications.schemas.ts';

/**
 * Marks the caller's notifications read: the `ids` given (others' ids are ignored) or `all`. Emits
 * `notifications.read` when some changed, then tells the caller's open tabs the new unread count.
 * @throws AppError(validation_failed: neither or both of ids and all | unauthenticated)
 */
export async function markNotificationsRead({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: unknown;
}): Promise<{ unreadCount: number }> {
  const body = validate(MarkReadBody, input);
  if (!body.ids === !body.all) throw AppError.field('/ids', 'validation.required');
  authorize(notificationsPolicy, 'updateOwn', ctx.actor, null);
  const userId = ctx.actor!.userId;
  const unreadCount = await transact(ctx.kernel, async (trx, emit) => {
    const changed = await markRead(trx, userId, body.ids ?? null);
    if (changed > 0) {
      await emit({
        type: NotificationEvents.notificationsRead,
        communityId: null,
        actorUserId: userId,
        payload: { userId, count: changed, all: body.all === true },
      });
    }
    return countUnread(trx, userId);
  });
  ctx.kernel.realtime.publish(`user:${userId}`, UNREAD_EVENT, { unreadCount });
  return { unreadCount };
}
