import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { NotificationEvents } from '../notifications.events.ts';
import { notificationsPolicy } from '../notifications.policy.ts';
import { presentEmailPreferences } from '../notifications.presenter.ts';
import { findDisabledEmailKinds, setEmailPreferences } from '../notifications.repository.ts';
import { type EmailPreferencesDto, UpdateEmailPreferencesBody } from '../notifications.schemas.ts';
import { NOTIFICATION_KINDS } from '../unsubscribe-token.ts';

/**
 * The caller's email preferences: which kinds of notification also come by email.
 * @throws AppError(unauthenticated)
 */
export async function getEmailPreferences({ ctx }: { ctx: Ctx }): Promise<EmailPreferencesDto> {
  authorize(notificationsPolicy, 'readOwn', ctx.actor, null);
  return presentEmailPreferences(await findDisabledEmailKinds(ctx.kernel.db, ctx.actor!.userId));
}

/**
 * Turns emails of some kinds on or off for the caller (kinds not given keep their setting). Emits
 * `email_preferences.updated` with the kinds changed.
 * @throws AppError(validation_failed | unauthenticated)
 */
export async function updateEmailPreferences({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: unknown;
}): Promise<EmailPreferencesDto> {
  const body = validate(UpdateEmailPreferencesBody, input);
  authorize(notificationsPolicy, 'updateOwn', ctx.actor, null);
  const userId = ctx.actor!.userId;
  const choices = NOTIFICATION_KINDS.filter((kind) => body[kind] !== undefined).map((kind) => ({
    kind,
    enabled: body[kind] as boolean,
  }));
  return transact(ctx.kernel, async (trx, emit) => {
    const before = presentEmailPreferences(await findDisabledEmailKinds(trx, userId));
    const changed = choices.filter((c) => before[c.kind] !== c.enabled);
    await setEmailPreferences(trx, userId, changed);
    if (changed.length > 0) {
      await emit({
        type: NotificationEvents.emailPreferencesUpdated,
        communityId: null,
        actorUserId: userId,
        payload: {
          userId,
          changes: Object.fromEntries(changed.map((c) => [c.kind, c.enabled])),
          via: 'settings',
        },
      });
    }
    return presentEmailPreferences(await findDisabledEmailKinds(trx, userId));
  });
}
