import { AppError } from '../../../platform/errors/app-error.ts';
import type { Ctx } from '../../../platform/context.ts';
import { transact } from '../../../platform/kernel.ts';
import { findApplicationForUpdate } from '../recruitment.repository.ts';
import type { OwnApplicationDto } from '../recruitment.schemas.ts';
import { loadOwnApplication, presentOwn } from './load-application.ts';
import { CODE_MINUTES, sendCode } from './phone-code.ts';

/** The least time between two codes. */
const RESEND_SECONDS = 60;

/**
 * Sends the applicant a new SMS code (the earlier one stops working), once the email is confirmed and
 * the phone not yet validated; at most one code a minute.
 * @throws AppError(conflict: not at this step, or a code sent less than a minute ago | not_found |
 *   unauthenticated)
 */
export async function sendPhoneCode({ ctx, token }: { ctx: Ctx; token: string }): Promise<OwnApplicationDto> {
  const { app: loaded, community } = await loadOwnApplication(ctx, token);
  const app = await transact(ctx.kernel, async (trx) => {
    const app = (await findApplicationForUpdate(trx, loaded.community_id, loaded.id))!;
    if (app.status !== 'qualified' || !app.email_confirmed_at || app.phone_validated_at)
      throw new AppError('conflict', { messageKey: 'recruitment.error.notAtThisStep' });
    const sentAt = app.phone_code_expires_at
      ? app.phone_code_expires_at.getTime() - CODE_MINUTES * 60_000
      : 0;
    if (Date.now() - sentAt < RESEND_SECONDS * 1000)
      throw new AppError('conflict', { messageKey: 'recruitment.error.codeTooSoon' });
    return sendCode(ctx.kernel, trx, app, community.name);
  });
  return presentOwn(ctx.kernel.db, app, community);
}
