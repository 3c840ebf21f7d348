import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { admitOrWaitlist } from '../admission.ts';
import { RecruitmentEvents } from '../recruitment.events.ts';
import { findApplicationForUpdate, updateApplication } from '../recruitment.repository.ts';
import { type OwnApplicationDto, PhoneCodeBody } from '../recruitment.schemas.ts';
import { loadOwnApplication, presentOwn } from './load-application.ts';
import { codeMatches, MAX_CODE_ATTEMPTS } from './phone-code.ts';

/**
 * Checks the SMS code the applicant entered. A right code validates the phone and the applicant is
 * admitted on probation if a seat is free, else waitlisted in order. A wrong code counts an attempt
 * (five per code). Emits `application.phone_validated`, then `application.admitted` and `member.joined`
 * or `application.waitlisted`.
 * @throws AppError(validation_failed: wrong code | gone: code expired or too many attempts | conflict:
 *   not at this step | not_found | unauthenticated)
 */
export async function verifyPhone({
  ctx,
  token,
  input,
}: {
  ctx: Ctx;
  token: string;
  input: unknown;
}): Promise<OwnApplicationDto> {
  const body = validate(PhoneCodeBody, input);
  const { app: loaded, community } = await loadOwnApplication(ctx, token);
  const outcome = await transact(ctx.kernel, async (trx, emit) => {
    const app = (await findApplicationForUpdate(trx, loaded.community_id, loaded.id))!;
    if (
      app.status !== 'qualified' ||
      !app.email_confirmed_at ||
      app.phone_validated_at ||
      !app.phone_code_hash
    )
      throw new AppError('conflict', { messageKey: 'recruitment.error.notAtThisStep' });
    if (app.phone_attempts >= MAX_CODE_ATTEMPTS || app.phone_code_expires_at! <= new Date())
      throw new AppError('gone', { messageKey: 'recruitment.error.codeExpired' });
    if (!codeMatches(app, body.code)) {
      await updateApplication(trx, app.id, { phone_attempts: app.phone_attempts + 1 });
      return { wrong: true as const };
    }
    const validated = await updateApplication(trx, app.id, {
      phone_validated_at: new Date(),
      phone_method: 'sms',
      phone_code_hash: null,
      phone_code_expires_at: null,
    });
    await emit({
      type: RecruitmentEvents.phoneValidated,
      communityId: app.community_id,
      actorUserId: app.user_id,
      payload: {
        communityId: app.community_id,
        campaignId: app.campaign_id,
        applicationId: app.id,
        status: validated.status,
      },
    });
    return {
      wrong: false as const,
      app: await admitOrWaitlist(trx, emit, validated, community, app.user_id),
    };
  });
  // The attempt is counted (committed) before the wrong code is reported.
  if (outcome.wrong) throw AppError.field('/code', 'recruitment.validation.wrongCode');
  return presentOwn(ctx.kernel.db, outcome.app, community);
}
