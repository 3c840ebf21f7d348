import type { Transaction } from 'kysely';
import { isLocale } from '../../../common/i18n/index.ts';
import { newId } from '../../platform/db/ids.ts';
import type { ApplicationRow } from '../../platform/db/schema-recruitment.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Emit, Kernel } from '../../platform/kernel.ts';
import { MemberEvents } from '../members/members.events.ts';
import { attributeValueProblem } from '../panel/panel-rules.ts';
import { findAttributeRows, upsertProfileValue } from '../panel/panel.repository.ts';
import type { Answers } from '../research/survey-engine.ts';
import { anyCellFull, cellsOf, hashToken, newToken, PAST_ADMISSION } from './recruitment-rules.ts';
import { RecruitmentEvents } from './recruitment.events.ts';
import {
  countOtherCells,
  expiredOffers,
  findCampaign,
  firstWaitlisted,
  insertProbationMembership,
  lockCampaign,
  lockCommunityAndCountSeats,
  nextWaitlistPosition,
  updateApplication,
} from './recruitment.repository.ts';
import type { AttributeMappingInput, QuotaInput } from './recruitment.schemas.ts';

/** How long a seat offered to the next on the waitlist stays reserved for them. */
export const OFFER_DAYS = 3;

type Community = { id: string; name: string };

const eventOf = (app: ApplicationRow, extra: { memberId?: string; waitlistPosition?: number } = {}) => ({
  communityId: app.community_id,
  campaignId: app.campaign_id,
  applicationId: app.id,
  status: app.status,
  ...extra,
});

/** Copies the mapped screener answers into the new member's profile (values that fit their attribute). */
async function copyAnswersToProfile(trx: Transaction<DB>, app: ApplicationRow, memberId: string) {
  const campaign = await findCampaign(trx, app.community_id, app.campaign_id);
  const mapping = (campaign?.attribute_map ?? []) as AttributeMappingInput[];
  if (mapping.length === 0) return;
  const answers = app.answers as Record<string, unknown>;
  const attributes = await findAttributeRows(
    trx,
    app.community_id,
    mapping.map((m) => m.attributeId),
  );
  for (const m of mapping) {
    const attribute = attributes.find((a) => a.id === m.attributeId);
    const value = answers[m.question];
    if (!attribute || value === undefined || attributeValueProblem(attribute, value)) continue;
    await upsertProfileValue(trx, {
      communityId: app.community_id,
      attributeId: attribute.id,
      memberId,
      value,
    });
  }
}

/**
 * Checks an application's quotas again under its campaign's row lock (the lock applications take): with
 * the campaign's quotas as they stand, does every cell its answers fall in still have room among the other
 * applications in `statuses`? Locks go campaign first, then community (as admission does), never the
 * reverse. An applicant staff qualified past a full quota on purpose (`quota_override`) always has room.
 * Call inside `transact` with the application locked.
 */
export async function quotaHasRoom(
  trx: Transaction<DB>,
  app: ApplicationRow,
  statuses: readonly ApplicationRow['status'][],
): Promise<boolean> {
  const campaign = await lockCampaign(trx, app.campaign_id);
  if (app.quota_override) return true;
  const quotas = campaign.quotas as QuotaInput[];
  const cells = cellsOf(quotas, app.answers as Answers);
  const counts = await countOtherCells(trx, campaign.id, cells, statuses, app.id);
  return !anyCellFull(quotas, counts, campaign.target);
}

/** Sends an application over quota (a seat offer it held is dropped); emits `application.over_quota`. */
async function overQuota(trx: Transaction<DB>, emit: Emit, app: ApplicationRow, actorUserId: string | null) {
  const over = await updateApplication(trx, app.id, {
    status: 'over_quota',
    waitlist_position: null,
    offer_token_hash: null,
    offer_expires_at: null,
  });
  await emit({
    type: RecruitmentEvents.overQuota,
    communityId: app.community_id,
    actorUserId,
    payload: eventOf(over),
  });
  return over;
}

/** Admits an applicant: a membership on probation, their mapped answers in the profile. */
async function admit(trx: Transaction<DB>, emit: Emit, app: ApplicationRow, actorUserId: string | null) {
  const member = await insertProbationMembership(trx, {
    id: newId(),
    community_id: app.community_id,
    user_id: app.user_id,
    pseudonym: app.pseudonym,
    pseudonym_key: app.pseudonym_key,
  });
  await copyAnswersToProfile(trx, app, member.id);
  const admitted = await updateApplication(trx, app.id, {
    status: 'admitted',
    member_id: member.id,
    waitlist_position: null,
    offer_token_hash: null,
    offer_expires_at: null,
  });
  await emit({
    type: RecruitmentEvents.admitted,
    communityId: app.community_id,
    actorUserId,
    payload: eventOf(admitted, { memberId: member.id }),
  });
  await emit({
    type: MemberEvents.joined,
    communityId: app.community_id,
    actorUserId: app.user_id,
    payload: { communityId: app.community_id, memberId: member.id, pseudonym: member.pseudonym },
  });
  return admitted;
}

/**
 * Moves a qualified applicant whose email is confirmed and phone validated on. Their quota is checked again
 * first, under the campaign's lock, against the applications already admitted, waitlisted or offered a
 * seat: a full cell (the quota was lowered, or staff qualified others) sends them over quota. Then admitted
 * on probation when the community has a free seat (counted under the community's row lock, so concurrent admissions never
 * pass the cap), else to the end of the ordered waitlist. Returns the application as it stands after;
 * an application not ready yet is returned unchanged. Call inside `transact` with the application locked.
 */
export async function admitOrWaitlist(
  trx: Transaction<DB>,
  emit: Emit,
  app: ApplicationRow,
  community: Community,
  actorUserId: string | null,
): Promise<ApplicationRow> {
  if (app.status !== 'qualified' || !app.email_confirmed_at || !app.phone_validated_at) return app;
  if (!(await quotaHasRoom(trx, app, PAST_ADMISSION))) return overQuota(trx, emit, app, actorUserId);
  const { cap, taken } = await lockCommunityAndCountSeats(trx, community.id);
  if (cap === null || taken < cap) {
    return admit(trx, emit, app, actorUserId);
  }
  const position = await nextWaitlistPosition(trx, community.id);
  const waitlisted = await updateApplication(trx, app.id, {
    status: 'waitlisted',
    waitlisted_at: new Date(),
    waitlist_position: position,
  });
  await emit({
    type: RecruitmentEvents.waitlisted,
    communityId: community.id,
    actorUserId,
    payload: eventOf(waitlisted, { waitlistPosition: position }),
  });
  return waitlisted;
}

/**
 * Takes up a seat offer: over quota when a cell of theirs filled meanwhile (checked again as in
 * `admitOrWaitlist`; the seat is then free for the next), admitted when the seat is still there (the offer
 * itself holds it), otherwise back to the end of the waitlist. Call inside `transact` with the application locked.
 */
export async function admitOffered(
  trx: Transaction<DB>,
  emit: Emit,
  app: ApplicationRow,
  community: Community,
): Promise<ApplicationRow> {
  if (!(await quotaHasRoom(trx, app, PAST_ADMISSION))) return overQuota(trx, emit, app, app.user_id);
  const { cap, taken } = await lockCommunityAndCountSeats(trx, community.id);
  if (cap === null || taken <= cap) {
    return admit(trx, emit, app, app.user_id);
  }
  const position = await nextWaitlistPosition(trx, community.id);
  return updateApplication(trx, app.id, {
    status: 'waitlisted',
    waitlist_position: position,
    offer_token_hash: null,
    offer_expires_at: null,
  });
}

/**
 * Offers a community's free seats to the first on its waitlist, in order: each gets an email with a link
 * and `OFFER_DAYS` to take the seat. Offers that ran out first go back to the end of the waitlist. Returns
 * how many offers it made. Call inside a transaction.
 */
export async function offerFreeSeats(
  kernel: Kernel,
  trx: Transaction<DB>,
  emit: Emit,
  community: Community,
  now = new Date(),
): Promise<number> {
  // The community's lock first: positions at the end of the waitlist are handed out under it.
  const { cap, taken } = await lockCommunityAndCountSeats(trx, community.id, now);
  for (const lapsed of await expiredOffers(trx, community.id, now)) {
    const position = await nextWaitlistPosition(trx, community.id);
    await updateApplication(trx, lapsed.id, {
      status: 'waitlisted',
      waitlist_position: position,
      offer_token_hash: null,
      offer_expires_at: null,
    });
  }
  if (cap === null || taken >= cap) return 0;
  const free = cap - taken;
  const next = await firstWaitlisted(trx, community.id, free);
  for (const app of next) {
    const token = newToken();
    const expires = new Date(now.getTime() + OFFER_DAYS * 86_400_000);
    const offered = await updateApplication(trx, app.id, {
      status: 'offered',
      offer_token_hash: hashToken(token),
      offer_expires_at: expires,
    });
    await kernel.mailer.queue(
      {
        to: app.email,
        kind: 'recruitment.seat_offer',
        locale: isLocale(app.locale) ? app.locale : 'fr',
        subjectKey: 'recruitment.mail.offer.subject',
        bodyKey: 'recruitment.mail.offer.body',
        params: {
          community: community.name,
          url: `${kernel.config.publicUrl}/recruit/offer/${token}`,
          days: OFFER_DAYS,
        },
      },
      trx,
    );
    await emit({
      type: RecruitmentEvents.seatOffered,
      communityId: community.id,
      actorUserId: null,
      payload: eventOf(offered),
    });
  }
  return next.length;
}
