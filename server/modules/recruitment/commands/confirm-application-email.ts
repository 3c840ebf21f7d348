import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { admitOrWaitlist } from '../admission.ts';
import { hashToken } from '../recruitment-rules.ts';
import { RecruitmentEvents } from '../recruitment.events.ts';
import { applicantPolicy } from '../recruitment.policy.ts';
import { findApplicationByToken, updateApplication } from '../recruitment.repository.ts';
import { type OwnApplicationDto, TokenBody } from '../recruitment.schemas.ts';
import { communityOf, presentOwn } from './load-application.ts';
import { sendCode } from './phone-code.ts';

/**
 * Confirms an applicant's email (double opt-in) from the link they were sent; the link works once. The
 * SMS code for the phone check goes out at once (unless staff already validated the phone by a call, in
 * which case the applicant is admitted or waitlisted). Emits `application.email_confirmed`.
 * @throws AppError(validation_failed | gone: link already used or unknown)
 */
export async function confirmApplicationEmail({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: unknown;
}): Promise<OwnApplicationDto> {
  const body = validate(TokenBody, input);
  authorize(applicantPolicy, 'holdToken', ctx.actor, { applicantUserId: null });
  const { app, community } = await transact(ctx.kernel, async (trx, emit) => {
    const found = await findApplicationByToken(trx, 'email_token_hash', hashToken(body.token));
    if (!found || found.email_confirmed_at)
      throw new AppError('gone', { messageKey: 'recruitment.error.linkUsed' });
    const community = await communityOf(trx, found.community_id);
    let app = await updateApplication(trx, found.id, {
      email_confirmed_at: new Date(),
      email_token_hash: null,
    });
    await emit({
      type: RecruitmentEvents.emailConfirmed,
      communityId: app.community_id,
      actorUserId: app.user_id,
      payload: {
        communityId: app.community_id,
        campaignId: app.campaign_id,
        applicationId: app.id,
        status: app.status,
      },
    });
    if (app.phone_validated_at) app = await admitOrWaitlist(trx, emit, app, community, app.user_id);
    else if (app.status === 'qualified') app = await sendCode(ctx.kernel, trx, app, community.name);
    return { app, community };
  });
  return presentOwn(ctx.kernel.db, app, community);
}
