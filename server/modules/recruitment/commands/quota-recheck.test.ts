import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, outboxEventsOf, testApp } from '../../../../test/helpers.ts';
import {
  applicationOf,
  codeFromSms,
  confirmedApplicant,
  quotaSetUp,
  tokenFromMail,
  validatedApplicant,
} from '../../../../test/recruitment-fixtures.ts';
import { transact } from '../../../platform/kernel.ts';
import { offerFreeSeats } from '../admission.ts';
import { acceptSeatOffer } from './accept-seat-offer.ts';
import { verifyPhone } from './verify-phone.ts';

beforeAll(() => testApp(), 180_000);

describe('quotas checked again at a staff decision', () => {
  it('keeps an over-quota applicant out while the cell is full, and promotes them once a place frees', async () => {
    const { community, decide, apply } = await quotaSetUp(1);
    const first = await apply();
    const second = await apply();
    const waiting = await applicationOf(community.id, second.userId);
    expect(waiting.status).toBe('over_quota');
    const full = await expectAppError(decide(waiting.id, 'qualify'), 'conflict');
    expect(full.messageKey).toBe('recruitment.error.quotaFull');
    expect((await applicationOf(community.id, second.userId)).status).toBe('over_quota');
    await decide((await applicationOf(community.id, first.userId)).id, 'disqualify');
    expect((await applicationOf(community.id, second.userId)).status).toBe('qualified');
    expect(await tokenFromMail(second.email, 'recruitment.confirm_email')).toBeTruthy();
  });

  it('sends a screened-out applicant whom staff qualify over quota when their cell is full', async () => {
    const { community, decide, apply } = await quotaSetUp(1);
    await apply();
    const noBike = await apply({ bike: 'no' });
    const app = await applicationOf(community.id, noBike.userId);
    expect(app.status).toBe('disqualified');
    expect((await decide(app.id, 'qualify')).stage).toBe('over_quota');
    const { kernel } = await testApp();
    const mails = await kernel.db
      .selectFrom('mail_messages')
      .select('id')
      .where('to_address', '=', noBike.email)
      .where('kind', '=', 'recruitment.confirm_email')
      .execute();
    expect(mails).toEqual([]);
  });
});

describe('quotas checked again at admission', () => {
  it('admits within the lowered quota and sends the next confirmed applicant over quota', async () => {
    const { community, campaign, setQuota } = await quotaSetUp(5);
    const first = await confirmedApplicant(campaign.token, '+33615000001');
    const second = await confirmedApplicant(campaign.token, '+33615000002');
    await setQuota(1);
    const admitted = await verifyPhone({
      ctx: await ctxFor(first),
      token: campaign.token,
      input: { code: await codeFromSms('+33615000001') },
    });
    expect(admitted.stage).toBe('probation');
    const turned = await verifyPhone({
      ctx: await ctxFor(second),
      token: campaign.token,
      input: { code: await codeFromSms('+33615000002') },
    });
    expect(turned.stage).toBe('over_quota');
    expect((await applicationOf(community.id, second.userId)).member_id).toBeNull();
    const events = (await outboxEventsOf(community.id)).map((e) => e.type);
    expect(events).toContain('application.over_quota');
  });

  it('sends a waitlisted applicant whose cell filled over quota when they take a seat offer', async () => {
    const { kernel } = await testApp();
    // Capped at 2: the admin and one applicant; the second waits.
    const { community, campaign, setQuota } = await quotaSetUp(5, 2);
    const first = await validatedApplicant(campaign.token, '+33615000011');
    const second = await validatedApplicant(campaign.token, '+33615000012');
    expect((await applicationOf(community.id, second.userId)).status).toBe('waitlisted');
    await setQuota(1);
    // A seat frees (the cap is raised) while the first, still a member, fills the lowered cell.
    expect((await applicationOf(community.id, first.userId)).status).toBe('admitted');
    await kernel.db
      .updateTable('communities')
      .set({ member_cap: 3 })
      .where('id', '=', community.id)
      .execute();
    await transact(kernel, (trx, emit) =>
      offerFreeSeats(kernel, trx, emit, { id: community.id, name: 'Panel' }),
    );
    const result = await acceptSeatOffer({
      ctx: await ctxFor(null),
      input: { token: await tokenFromMail(second.email, 'recruitment.seat_offer') },
    });
    expect(result.stage).toBe('over_quota');
    const row = await applicationOf(community.id, second.userId);
    expect([row.status, row.member_id, row.offer_token_hash]).toEqual(['over_quota', null, null]);
  });
});
