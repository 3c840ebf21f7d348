import { userExists } from '../../identity/identity.repository.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { NotificationEvents } from '../notifications.events.ts';
import { findDisabledEmailKinds, setEmailPreferences } from '../notifications.repository.ts';
import { UnsubscribeBody, type UnsubscribeResultDto } from '../notifications.schemas.ts';
import { verifyUnsubscribeToken } from '../unsubscribe-token.ts';

function tokenOf(ctx: Ctx, input: unknown) {
  const { token } = validate(UnsubscribeBody, input);
  const verified = verifyUnsubscribeToken(ctx.kernel.config.sessionSecret, token);
  if (!verified) throw new AppError('not_found');
  return verified;
}

/**
 * What an unsubscribe link stands for, and whether those emails are still on (the confirmation page).
 * No sign-in: the signed token is the proof.
 * @throws AppError(validation_failed | not_found: malformed or forged token, or a deleted account)
 */
export async function checkUnsubscribe({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: unknown;
}): Promise<UnsubscribeResultDto> {
  const { userId, kind } = tokenOf(ctx, input);
  if (!(await userExists(ctx.kernel.db, userId))) throw new AppError('not_found');
  return { kind, email: !(await findDisabledEmailKinds(ctx.kernel.db, userId)).has(kind) };
}

/**
 * Turns off the emails of one kind for the account of a one-click unsubscribe token (RFC 8058: no
 * sign-in, idempotent). Emits `email_preferences.updated` when it changes something.
 * @throws AppError(validation_failed | not_found: malformed or forged token, or a deleted account)
 */
export async function unsubscribe({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: unknown;
}): Promise<UnsubscribeResultDto> {
  const { userId, kind } = tokenOf(ctx, input);
  return transact(ctx.kernel, async (trx, emit) => {
    if (!(await userExists(trx, userId))) throw new AppError('not_found');
    if (!(await findDisabledEmailKinds(trx, userId)).has(kind)) {
      await setEmailPreferences(trx, userId, [{ kind, enabled: false }]);
      await emit({
        type: NotificationEvents.emailPreferencesUpdated,
        communityId: null,
        actorUserId: null,
        payload: { userId, changes: { [kind]: false }, via: 'unsubscribe' },
      });
    }
    return { kind, email: false };
  });
}
