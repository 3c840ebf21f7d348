import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, freshCommunity, plainUser, testApp } from '../../../../test/helpers.ts';
import {
  applicationOf,
  applyBody,
  seedCampaign,
  setEmailToken,
  tokenFromMail,
} from '../../../../test/recruitment-fixtures.ts';
import { applyToCommunity } from './apply-to-community.ts';
import { confirmApplicationEmail } from './confirm-application-email.ts';
import { sendPhoneCode } from './send-phone-code.ts';

beforeAll(() => testApp(), 180_000);

describe('confirmApplicationEmail', () => {
  it('rejects a malformed token', async () => {
    await expectAppError(
      confirmApplicationEmail({ ctx: await ctxFor(null), input: { token: 'x' } }),
      'validation_failed',
      '/token',
    );
  });

  it('answers gone to an unknown link', async () => {
    const error = await expectAppError(
      confirmApplicationEmail({ ctx: await ctxFor(null), input: { token: 'unknown-token-123' } }),
      'gone',
    );
    expect(error.messageKey).toBe('recruitment.error.linkUsed');
  });

  it('confirms once from any browser and sends the SMS code to the phone', async () => {
    const { kernel } = await testApp();
    const community = await freshCommunity();
    const { token } = await seedCampaign(community.id);
    const user = await plainUser();
    await applyToCommunity({ ctx: await ctxFor(user), token, input: applyBody({ phone: '+33613000001' }) });
    const link = await tokenFromMail(user.email, 'recruitment.confirm_email');
    const result = await confirmApplicationEmail({ ctx: await ctxFor(null), input: { token: link } });
    expect(result).toMatchObject({ stage: 'email_confirmed', emailConfirmed: true, phoneCodeSent: true });
    const sms = await kernel.db
      .selectFrom('sms_messages')
      .selectAll()
      .where('to_number', '=', '+33613000001')
      .execute();
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ status: 'captured', kind: 'recruitment.phone_code' });
    expect(sms[0].body).toMatch(/\d{6}/);
    await expectAppError(
      confirmApplicationEmail({ ctx: await ctxFor(null), input: { token: link } }),
      'gone',
    );
  });

  it('lets the applicant ask for a new code at most once a minute', async () => {
    const community = await freshCommunity();
    const { token } = await seedCampaign(community.id);
    const user = await plainUser();
    const ctx = await ctxFor(user);
    await applyToCommunity({ ctx, token, input: applyBody() });
    const early = await expectAppError(sendPhoneCode({ ctx, token }), 'conflict');
    expect(early.messageKey).toBe('recruitment.error.notAtThisStep');
    const row = await applicationOf(community.id, user.userId);
    await setEmailToken(row.id, 'known-token-0001');
    await confirmApplicationEmail({ ctx, input: { token: 'known-token-0001' } });
    const soon = await expectAppError(sendPhoneCode({ ctx, token }), 'conflict');
    expect(soon.messageKey).toBe('recruitment.error.codeTooSoon');
    await expectAppError(sendPhoneCode({ ctx: await ctxFor(null), token }), 'unauthenticated');
  });
});
