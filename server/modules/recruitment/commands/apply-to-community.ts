import { isLocale } from '../../../../common/i18n/index.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError, isUniqueViolation } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { findMembershipFacts } from '../../communities/communities.repository.ts';
import { pseudonymTaken } from '../../members/members.repository.ts';
import { pseudonymKey } from '../../members/pseudonym.ts';
import type { SurveyDefinitionInput } from '../../research/survey-definition.ts';
import { checkWholeResponse } from '../../research/survey-engine.ts';
import { consentTextsFor } from '../consent.ts';
import { findInvitationByToken, markInvitationUsed } from '../invitations.repository.ts';
import { anyCellFull, cellsOf, hashToken, newToken, normalizePhone, screen } from '../recruitment-rules.ts';
import { RecruitmentEvents } from '../recruitment.events.ts';
import { applicantPolicy } from '../recruitment.policy.ts';
import { presentOwnApplication } from '../recruitment.presenter.ts';
import { countCells, insertApplication, lockCampaign } from '../recruitment.repository.ts';
import {
  ApplyBody,
  type OwnApplicationDto,
  type QuotaInput,
  type ScreeningRuleInput,
} from '../recruitment.schemas.ts';
import { loadLink } from './load-recruitment.ts';

/**
 * Applies to a community through a campaign's link (signed in): the screener answers are checked with the
 * survey engine, then screened by the campaign's rules (qualified or disqualified) and, when qualified,
 * against its quotas under the campaign's lock (over quota waits). The consents given are kept with the
 * version of the texts shown. A qualified applicant gets the double opt-in email. An invitation token, when
 * given, must be unused and unexpired, and is used up. Emits `application.submitted`.
 * @throws AppError(validation_failed: answers, phone, pseudonym, consents | conflict: closed, already
 *   applied or a member | gone: invitation used or expired | not_found | unauthenticated)
 */
export async function applyToCommunity({
  ctx,
  token,
  input,
}: {
  ctx: Ctx;
  token: string;
  input: unknown;
}): Promise<OwnApplicationDto> {
  const body = validate(ApplyBody, input);
  const campaign = await loadLink(ctx.kernel.db, token);
  authorize(applicantPolicy, 'apply', ctx.actor, { applicantUserId: null });
  const actor = ctx.actor!;
  if (!campaign.open) throw new AppError('conflict', { messageKey: 'recruitment.error.closed' });
  const answers = checkWholeResponse(campaign.screener as SurveyDefinitionInput, body.answers);
  const phone = normalizePhone(body.phone);
  if (!phone) throw AppError.field('/phone', 'recruitment.validation.phone');
  if (!body.consents.includes('participation'))
    throw AppError.field('/consents', 'recruitment.validation.participation');
  const pseudonym = body.pseudonym.trim();
  if (await pseudonymTaken(ctx.kernel.db, campaign.community_id, pseudonymKey(pseudonym)))
    throw AppError.field('/pseudonym', 'validation.pseudonymTaken');
  if (await findMembershipFacts(ctx.kernel.db, campaign.community_id, actor.userId))
    throw new AppError('conflict', { messageKey: 'join.alreadyMember' });
  const consent = await consentTextsFor(ctx.kernel.db, campaign.community_id, ctx.locale);
  const locale = isLocale(actor.locale) ? actor.locale : ctx.locale;
  try {
    const row = await transact(ctx.kernel, async (trx, emit) => {
      let invitationId: string | null = null;
      if (body.invitation) {
        const invitation = await findInvitationByToken(trx, campaign.id, hashToken(body.invitation));
        if (!invitation) throw AppError.field('/invitation', 'recruitment.validation.invitation');
        if (invitation.used_at)
          throw new AppError('gone', { messageKey: 'recruitment.error.invitationUsed' });
        if (invitation.expires_at <= new Date())
          throw new AppError('gone', { messageKey: 'recruitment.error.invitationExpired' });
        await markInvitationUsed(trx, invitation.id);
        invitationId = invitation.id;
      }
      await lockCampaign(trx, campaign.id);
      const quotas = campaign.quotas as QuotaInput[];
      const cells = cellsOf(quotas, answers);
      let status: 'qualified' | 'disqualified' | 'over_quota' =
        screen(campaign.rules as ScreeningRuleInput[], answers) === 'qualify' ? 'qualified' : 'disqualified';
      if (status === 'qualified') {
        const counts = await countCells(trx, campaign.id, cells);
        if (anyCellFull(quotas, counts, campaign.target)) status = 'over_quota';
      }
      const emailToken = status === 'qualified' ? newToken() : null;
      const created = await insertApplication(trx, {
        id: newId(),
        community_id: campaign.community_id,
        campaign_id: campaign.id,
        user_id: actor.userId,
        invitation_id: invitationId,
        email: actor.email,
        phone,
        pseudonym,
        pseudonym_key: pseudonymKey(pseudonym),
        locale,
        answers: JSON.stringify(answers),
        quota_cells: JSON.stringify(cells),
        status,
        consent_version: consent.version,
        consents: JSON.stringify(body.consents),
        email_token_hash: emailToken ? hashToken(emailToken) : null,
      });
      if (emailToken) {
        await ctx.kernel.mailer.queue(
          {
            to: actor.email,
            kind: 'recruitment.confirm_email',
            locale,
            subjectKey: 'recruitment.mail.confirm.subject',
            bodyKey: 'recruitment.mail.confirm.body',
            params: {
              community: campaign.community_name,
              url: `${ctx.kernel.config.publicUrl}/recruit/confirm/${emailToken}`,
            },
          },
          trx,
        );
      }
      await emit({
        type: RecruitmentEvents.submitted,
        communityId: campaign.community_id,
        actorUserId: actor.userId,
        payload: {
          communityId: campaign.community_id,
          campaignId: campaign.id,
          applicationId: created.id,
          status,
        },
      });
      return created;
    });
    return presentOwnApplication(
      row,
      { name: campaign.community_name, slug: campaign.community_slug },
      null,
      campaign.token,
    );
  } catch (error) {
    if (isUniqueViolation(error, 'recruitment_applications_community_id_user_id_key'))
      throw new AppError('conflict', { messageKey: 'recruitment.error.alreadyApplied' });
    if (isUniqueViolation(error, 'recruitment_applications_community_id_pseudonym_key_key'))
      throw AppError.field('/pseudonym', 'validation.pseudonymTaken');
    throw error;
  }
}
