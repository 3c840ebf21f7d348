import { beforeAll, describe, expect, it } from 'vitest';
import {
  ctxFor,
  expectAppError,
  freshCommunity,
  outboxEventsOf,
  plainUser,
  testApp,
} from '../../../../test/helpers.ts';
import {
  applicationOf,
  applyBody,
  codeFromSms,
  confirmedApplicant,
  seedCampaign,
} from '../../../../test/recruitment-fixtures.ts';
import { applyToCommunity } from './apply-to-community.ts';
import { verifyPhone } from './verify-phone.ts';

beforeAll(() => testApp(), 180_000);

async function stageOfMember(memberId: string | null) {
  const { kernel } = await testApp();
  return kernel.db
    .selectFrom('memberships')
    .select(['panel_stage', 'status', 'probation_started_at'])
    .where('id', '=', memberId!)
    .executeTakeFirstOrThrow();
}

describe('verifyPhone', () => {
  it('rejects a malformed code, changing nothing', async () => {
    const community = await freshCommunity();
    const { token } = await seedCampaign(community.id);
    const applicant = await confirmedApplicant(token, '+33611000001');
    await expectAppError(
      verifyPhone({ ctx: await ctxFor(applicant), token, input: { code: '12ab' } }),
      'validation_failed',
      '/code',
    );
    expect((await applicationOf(community.id, applicant.userId)).phone_attempts).toBe(0);
  });

  it('answers not found to someone without an application', async () => {
    const community = await freshCommunity();
    const { token } = await seedCampaign(community.id);
    await expectAppError(
      verifyPhone({ ctx: await ctxFor(await plainUser()), token, input: { code: '123456' } }),
      'not_found',
    );
  });

  it('refuses the step before the email is confirmed, and anonymous callers', async () => {
    const community = await freshCommunity();
    const { token } = await seedCampaign(community.id);
    const user = await plainUser();
    await applyToCommunity({ ctx: await ctxFor(user), token, input: applyBody() });
    const early = await expectAppError(
      verifyPhone({ ctx: await ctxFor(user), token, input: { code: '123456' } }),
      'conflict',
    );
    expect(early.messageKey).toBe('recruitment.error.notAtThisStep');
    await expectAppError(
      verifyPhone({ ctx: await ctxFor(null), token, input: { code: '123456' } }),
      'unauthenticated',
    );
  });

  it('counts wrong codes and stops the code after five', async () => {
    const community = await freshCommunity();
    const { token } = await seedCampaign(community.id);
    const applicant = await confirmedApplicant(token, '+33611000002');
    const right = await codeFromSms('+33611000002');
    const wrong = right === '000000' ? '111111' : '000000';
    const ctx = await ctxFor(applicant);
    for (let i = 0; i < 5; i++) {
      await expectAppError(verifyPhone({ ctx, token, input: { code: wrong } }), 'validation_failed', '/code');
    }
    const gone = await expectAppError(verifyPhone({ ctx, token, input: { code: right } }), 'gone');
    expect(gone.messageKey).toBe('recruitment.error.codeExpired');
  });

  it('validates the phone and admits on probation, copying mapped answers to the profile', async () => {
    const { kernel } = await testApp();
    const community = await freshCommunity({ member_cap: 10 });
    const attributeId = crypto.randomUUID();
    await kernel.db
      .insertInto('profile_attributes')
      .values({
        id: attributeId,
        community_id: community.id,
        key: 'gender',
        label: 'Gender',
        kind: 'single_choice',
        visibility: 'staff_only',
        options: JSON.stringify([
          { value: 'f', label: 'F' },
          { value: 'm', label: 'M' },
          { value: 'x', label: 'X' },
        ]),
      })
      .execute();
    const { token } = await seedCampaign(community.id, {
      attributeMap: [{ question: 'gender', attributeId }],
    });
    const applicant = await confirmedApplicant(token, '+33611000003');
    const result = await verifyPhone({
      ctx: await ctxFor(applicant),
      token,
      input: { code: await codeFromSms('+33611000003') },
    });
    expect(result.stage).toBe('probation');
    const row = await applicationOf(community.id, applicant.userId);
    expect(row).toMatchObject({ status: 'admitted', phone_method: 'sms' });
    const member = await stageOfMember(row.member_id);
    expect(member).toMatchObject({ panel_stage: 'probation', status: 'active' });
    expect(member.probation_started_at).toBeInstanceOf(Date);
    const value = await kernel.db
      .selectFrom('profile_values')
      .select('value')
      .where('member_id', '=', row.member_id!)
      .executeTakeFirstOrThrow();
    expect(value.value).toBe('f');
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toEqual([
      'application.submitted',
      'application.email_confirmed',
      'application.phone_validated',
      'application.admitted',
      'member.joined',
    ]);
  });

  it('waitlists in order once the cap is reached', async () => {
    const community = await freshCommunity({ member_cap: 1 });
    const { token } = await seedCampaign(community.id);
    const stages = [];
    for (let i = 0; i < 3; i++) {
      const phone = `+3361200000${i}`;
      const applicant = await confirmedApplicant(token, phone);
      const result = await verifyPhone({
        ctx: await ctxFor(applicant),
        token,
        input: { code: await codeFromSms(phone) },
      });
      stages.push([result.stage, result.waitlistPosition]);
    }
    expect(stages).toEqual([
      ['probation', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
  });
});
