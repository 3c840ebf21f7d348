import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { admitOffered, offerFreeSeats } from '../admission.ts';
import { hashToken } from '../recruitment-rules.ts';
import { applicantPolicy } from '../recruitment.policy.ts';
import { findApplicationByToken } from '../recruitment.repository.ts';
import { type OwnApplicationDto, TokenBody } from '../recruitment.schemas.ts';
import { communityOf, presentOwn } from './load-application.ts';

/**
 * Takes up a seat offered from the waitlist, from the link in the offer email, before it expires: the
 * applicant is admitted on probation. Their quota is checked again first: a cell that filled meanwhile sends
 * them over quota and the seat to the next on the waitlist. Emits `application.admitted` and
 * `member.joined` (or `application.over_quota`).
 * @throws AppError(validation_failed | gone: offer expired, already taken or unknown)
 */
export async function acceptSeatOffer({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: unknown;
}): Promise<OwnApplicationDto> {
  const body = validate(TokenBody, input);
  authorize(applicantPolicy, 'holdToken', ctx.actor, { applicantUserId: null });
  const { app, community } = await transact(ctx.kernel, async (trx, emit) => {
    const found = await findApplicationByToken(trx, 'offer_token_hash', hashToken(body.token));
    if (!found || found.status !== 'offered')
      throw new AppError('gone', { messageKey: 'recruitment.error.linkUsed' });
    if (found.offer_expires_at! <= new Date())
      throw new AppError('gone', { messageKey: 'recruitment.error.offerExpired' });
    const community = await communityOf(trx, found.community_id);
    const app = await admitOffered(trx, emit, found, community);
    // Over quota now: the seat their offer held goes to the next on the waitlist.
    if (app.status === 'over_quota') await offerFreeSeats(ctx.kernel, trx, emit, community);
    return { app, community };
  });
  return presentOwn(ctx.kernel.db, app, community);
}
