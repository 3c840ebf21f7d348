import type { Transaction } from 'kysely';
import { isLocale } from '../../../common/i18n/index.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Emit, Kernel } from '../../platform/kernel.ts';
import type { Answers } from '../research/survey-engine.ts';
import { admitOrWaitlist } from './admission.ts';
import { anyCellFull, cellsOf, FILLING, hashToken, newToken } from './recruitment-rules.ts';
import { RecruitmentEvents } from './recruitment.events.ts';
import {
  countOtherCells,
  lockCampaign,
  overQuotaApplications,
  updateApplication,
} from './recruitment.repository.ts';
import type { QuotaInput } from './recruitment.schemas.ts';
import { communityOf } from './commands/load-application.ts';

/**
 * Gives room that appeared in a campaign's quota cells (a member of the cell left or was removed, an
 * applicant in it was turned away, staff raised the quota) to its over-quota applicants, in application
 * order: each whose cells all have room again is qualified, as the screener would have done: an applicant
 * whose email is not confirmed yet gets the double opt-in email; one already confirmed is told by email,
 * and when their phone is validated too they are admitted or waitlisted at once (`admitOrWaitlist`, under
 * the member cap). Locks as admission does: the campaign's row first, then the applications, then the
 * community. Emits `application.decided` (decision `quota_room`) and the admission's events. Returns how
 * many were promoted. Call inside `transact` (it retries a deadlock victim).
 */
export async function promoteOverQuota(
  kernel: Kernel,
  trx: Transaction<DB>,
  emit: Emit,
  campaignId: string,
): Promise<number> {
  const campaign = await lockCampaign(trx, campaignId);
  const waiting = await overQuotaApplications(trx, campaignId);
  if (waiting.length === 0) return 0;
  const quotas = campaign.quotas as QuotaInput[];
  const community = await communityOf(trx, campaign.community_id);
  let promoted = 0;
  for (const app of waiting) {
    const cells = cellsOf(quotas, app.answers as Answers);
    const counts = await countOtherCells(trx, campaign.id, cells, FILLING, app.id);
    if (anyCellFull(quotas, counts, campaign.target)) continue;
    const token = app.email_confirmed_at ? null : newToken();
    const qualified = await updateApplication(trx, app.id, {
      status: 'qualified',
      ...(token ? { email_token_hash: hashToken(token) } : {}),
    });
    const locale = isLocale(app.locale) ? app.locale : 'fr';
    await kernel.mailer.queue(
      token
        ? {
            to: app.email,
            kind: 'recruitment.confirm_email',
            locale,
            subjectKey: 'recruitment.mail.confirm.subject',
            bodyKey: 'recruitment.mail.confirm.body',
            params: { community: community.name, url: `${kernel.config.publicUrl}/recruit/confirm/${token}` },
          }
        : {
            to: app.email,
            kind: 'recruitment.quota_room',
            locale,
            subjectKey: 'recruitment.mail.quotaRoom.subject',
            bodyKey: 'recruitment.mail.quotaRoom.body',
            params: {
              community: community.name,
              url: `${kernel.config.publicUrl}/recruit/${campaign.token}`,
            },
          },
      trx,
    );
    await emit({
      type: RecruitmentEvents.decided,
      communityId: community.id,
      actorUserId: null,
      payload: {
        communityId: community.id,
        campaignId: campaign.id,
        applicationId: app.id,
        status: qualified.status,
        decision: 'quota_room',
      },
    });
    await admitOrWaitlist(trx, emit, qualified, community, null);
    promoted += 1;
  }
  return promoted;
}
