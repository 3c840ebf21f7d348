import { beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  ctxFor,
  expectAppError,
  freshCommunity,
  plainUser,
  testApp,
  waitFor,
} from '../../../../test/helpers.ts';
import {
  applicationOf,
  seedCampaign,
  tokenFromMail,
  validatedApplicant,
} from '../../../../test/recruitment-fixtures.ts';
import { transact } from '../../../platform/kernel.ts';
import { updateMember } from '../../members/commands/update-member.ts';
import { offerFreeSeats } from '../admission.ts';
import { acceptSeatOffer } from './accept-seat-offer.ts';

beforeAll(() => testApp(), 180_000);

/** A community capped at 2: its admin, one admitted applicant, and two applicants on the waitlist. */
async function fullCommunity() {
  const community = await freshCommunity({ member_cap: 2 });
  const admin = await plainUser();
  await addMember(community.id, admin.userId, 'admin');
  const { token } = await seedCampaign(community.id);
  const first = await validatedApplicant(token, '+33614000001');
  const second = await validatedApplicant(token, '+33614000002');
  const third = await validatedApplicant(token, '+33614000003');
  return { community, admin, first, second, third };
}

async function offerNow(communityId: string, now?: Date) {
  const { kernel } = await testApp();
  return transact(kernel, async (trx, emit) =>
    offerFreeSeats(kernel, trx, emit, { id: communityId, name: 'Panel' }, now),
  );
}

describe('seat offers from the waitlist', () => {
  it('rejects a malformed token and answers gone to an unknown one', async () => {
    await expectAppError(
      acceptSeatOffer({ ctx: await ctxFor(null), input: {} }),
      'validation_failed',
      '/token',
    );
    await expectAppError(
      acceptSeatOffer({ ctx: await ctxFor(null), input: { token: 'nope-nope-nope' } }),
      'gone',
    );
  });

  it('offers a freed seat to the next in line, who takes it and is admitted on probation', async () => {
    const { community, admin, first, second, third } = await fullCommunity();
    expect((await applicationOf(community.id, second.userId)).status).toBe('waitlisted');
    const member = (await applicationOf(community.id, first.userId)).member_id!;
    await updateMember({
      ctx: await ctxFor(admin),
      community: community.slug,
      memberId: member,
      input: { status: 'suspended' },
    });
    const offer = await waitFor(async () => {
      const row = await applicationOf(community.id, second.userId);
      return row.status === 'offered' && row;
    });
    expect(offer.offer_expires_at!.getTime()).toBeGreaterThan(Date.now());
    expect((await applicationOf(community.id, third.userId)).status).toBe('waitlisted');
    const result = await acceptSeatOffer({
      ctx: await ctxFor(null),
      input: { token: await tokenFromMail(second.email, 'recruitment.seat_offer') },
    });
    expect(result.stage).toBe('probation');
  });

  it('puts a lapsed offer back at the end of the line and offers the seat to the next', async () => {
    const { kernel } = await testApp();
    const { community, first, second, third } = await fullCommunity();
    await kernel.db
      .updateTable('memberships')
      .set({ panel_stage: 'removed' })
      .where('id', '=', (await applicationOf(community.id, first.userId)).member_id!)
      .execute();
    expect(await offerNow(community.id)).toBe(1);
    const link = await tokenFromMail(second.email, 'recruitment.seat_offer');
    const later = new Date(Date.now() + 4 * 86_400_000);
    expect(await offerNow(community.id, later)).toBe(1);
    const lapsed = await applicationOf(community.id, second.userId);
    expect([lapsed.status, lapsed.waitlist_position]).toEqual(['waitlisted', 3]);
    expect((await applicationOf(community.id, third.userId)).status).toBe('offered');
    const error = await expectAppError(
      acceptSeatOffer({ ctx: await ctxFor(null), input: { token: link } }),
      'gone',
    );
    expect(error.messageKey).toBe('recruitment.error.linkUsed');
  });
});
