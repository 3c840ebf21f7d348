import { isLocale } from '../../../../common/i18n/index.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { ApplicationRow } from '../../../platform/db/schema-recruitment.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { admitOrWaitlist, offerFreeSeats, quotaHasRoom } from '../admission.ts';
import { promoteOverQuota } from '../quota-promotion.ts';
import { FILLING, hashToken, newToken } from '../recruitment-rules.ts';
import { RecruitmentEvents } from '../recruitment.events.ts';
import { recruitmentPolicy } from '../recruitment.policy.ts';
import { presentApplication } from '../recruitment.presenter.ts';
import {
  findApplicationForUpdate,
  findApplicationView,
  updateApplication,
} from '../recruitment.repository.ts';
import { type ApplicationDto, DecideBody } from '../recruitment.schemas.ts';
import { loadRecruitment } from './load-recruitment.ts';

/** Which statuses each decision applies to. */
const FROM: Record<string, ApplicationRow['status'][]> = {
  qualify: ['disqualified', 'over_quota'],
  disqualify: ['qualified', 'over_quota', 'waitlisted', 'offered'],
  phone_validated: ['qualified', 'over_quota'],
};

/**
 * A staff decision on an application: `qualify` overrides the screener's verdict (the applicant then gets
 * the double opt-in email), its quota checked again under the campaign's lock (a full cell leaves them over
 * quota, and an over-quota applicant stays so with a conflict) unless staff chose `overrideQuota`: then
 * qualified past the full cell on purpose, kept through later quota checks, and audited as such;
 * `disqualify` turns an applicant away (a seat they were offered goes to the next on the waitlist, room
 * in their quota cells to the next over quota: `promoteOverQuota`); `phone_validated` records a phone call instead of the SMS code, with a note.
 * A qualified applicant whose email and phone are both checked is then admitted or waitlisted. Emits
 * `application.decided` (and the admission's events); writes the audit log.
 * @throws AppError(validation_failed: a note is required for a phone call | conflict: not possible at
 *   this stage, quota still full | not_found | unauthenticated | forbidden)
 */
export async function decideApplication({
  ctx,
  community: key,
  applicationId,
  input,
}: {
  ctx: Ctx;
  community: string;
  applicationId: string;
  input: unknown;
}): Promise<ApplicationDto> {
  const body = validate(DecideBody, input);
  const loaded = await loadRecruitment(ctx, key);
  authorize(recruitmentPolicy, 'manageRecruitment', ctx.actor, loaded);
  const { community } = loaded;
  const note = body.note?.trim() || null;
  if (body.decision === 'phone_validated' && !note)
    throw AppError.field('/note', 'recruitment.validation.callNote');
  const actorUserId = ctx.actor!.userId;
  const id = await transact(ctx.kernel, async (trx, emit) => {
    const app = await findApplicationForUpdate(trx, community.id, applicationId);
    if (!app) throw new AppError('not_found');
    const phoneDone = body.decision === 'phone_validated' && !!app.phone_validated_at;
    if (!FROM[body.decision].includes(app.status) || phoneDone)
      throw new AppError('conflict', { messageKey: 'recruitment.error.notAtThisStep' });
    let next: ApplicationRow;
    if (body.decision === 'disqualify') {
      next = await updateApplication(trx, app.id, {
        status: 'disqualified',
        waitlist_position: null,
        offer_token_hash: null,
        offer_expires_at: null,
        decided_by: actorUserId,
        decision_note: note,
      });
    } else if (body.decision === 'qualify') {
      // The quota again, under the campaign's lock: a full cell keeps (or puts) the applicant over quota.
      const override = body.overrideQuota === true;
      const room = override || (await quotaHasRoom(trx, app, FILLING));
      if (!room && app.status === 'over_quota')
        throw new AppError('conflict', { messageKey: 'recruitment.error.quotaFull' });
      const token = app.email_confirmed_at || !room ? null : newToken();
      next = await updateApplication(trx, app.id, {
        status: room ? 'qualified' : 'over_quota',
        ...(override ? { quota_override: true } : {}),
        email_token_hash: token ? hashToken(token) : null,
        decided_by: actorUserId,
        decision_note: note,
      });
      if (token) {
        await ctx.kernel.mailer.queue(
          {
            to: app.email,
            kind: 'recruitment.confirm_email',
            locale: isLocale(app.locale) ? app.locale : 'fr',
            subjectKey: 'recruitment.mail.confirm.subject',
            bodyKey: 'recruitment.mail.confirm.body',
            params: {
              community: community.name,
              url: `${ctx.kernel.config.publicUrl}/recruit/confirm/${token}`,
            },
          },
          trx,
        );
      }
    } else {
      next = await updateApplication(trx, app.id, {
        phone_validated_at: new Date(),
        phone_method: 'call',
        phone_note: note,
        phone_code_hash: null,
        phone_code_expires_at: null,
        decided_by: actorUserId,
      });
    }
    await emit({
      type: RecruitmentEvents.decided,
      communityId: community.id,
      actorUserId,
      payload: {
        communityId: community.id,
        campaignId: app.campaign_id,
        applicationId: app.id,
        status: next.status,
        decision: body.decision,
      },
    });
    await writeAudit(trx, {
      communityId: community.id,
      actorUserId,
      action: `application.${body.decision}`,
      targetType: 'recruitment_application',
      targetId: app.id,
      data: {
        from: app.status,
        to: next.status,
        ...(body.decision === 'qualify' && body.overrideQuota ? { overrideQuota: true } : {}),
      },
    });
    await admitOrWaitlist(trx, emit, next, community, actorUserId);
    if (app.status === 'offered') await offerFreeSeats(ctx.kernel, trx, emit, community);
    // Turned away from a quota cell: the next over quota in it may take the room.
    if (body.decision === 'disqualify' && FILLING.includes(app.status))
      await promoteOverQuota(ctx.kernel, trx, emit, app.campaign_id);
    return app.id;
  });
  return presentApplication(await findApplicationView(ctx.kernel.db, community.id, id));
}
