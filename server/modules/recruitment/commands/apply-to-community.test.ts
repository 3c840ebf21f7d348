import { beforeAll, describe, expect, it } from 'vitest';
import {
  ctxFor,
  expectAppError,
  freshCommunity,
  outboxEventsOf,
  plainUser,
  testApp,
} from '../../../../test/helpers.ts';
import { applicationOf, applyBody, answers, seedCampaign } from '../../../../test/recruitment-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { hashToken } from '../recruitment-rules.ts';
import { applyToCommunity } from './apply-to-community.ts';

beforeAll(() => testApp(), 180_000);

async function invitation(
  communityId: string,
  campaignId: string,
  over: { used?: boolean; expired?: boolean },
) {
  const { kernel } = await testApp();
  const token = `inv${newId().replace(/-/g, '')}`;
  await kernel.db
    .insertInto('recruitment_invitations')
    .values({
      id: newId(),
      community_id: communityId,
      campaign_id: campaignId,
      email: `c-${newId()}@example.test`,
      phone: null,
      name: null,
      locale: 'en',
      token_hash: hashToken(token),
      expires_at: new Date(Date.now() + (over.expired ? -1 : 1) * 86_400_000),
      used_at: over.used ? new Date() : null,
    })
    .execute();
  return token;
}

describe('applyToCommunity', () => {
  it('rejects bad input with the field paths, saving nothing', async () => {
    const community = await freshCommunity({ visibility: 'hidden' });
    const { token } = await seedCampaign(community.id);
    const user = await plainUser();
    const ctx = await ctxFor(user);
    await expectAppError(
      applyToCommunity({ ctx, token, input: { answers: {} } }),
      'validation_failed',
      '/phone',
    );
    await expectAppError(
      applyToCommunity({ ctx, token, input: applyBody({ answers: { gender: 'f' } }) }),
      'validation_failed',
      '/answers/age',
    );
    await expectAppError(
      applyToCommunity({ ctx, token, input: applyBody({ answers: answers({ gender: 'zz' }) }) }),
      'validation_failed',
      '/answers/gender',
    );
    await expectAppError(
      applyToCommunity({ ctx, token, input: applyBody({ phone: '12' }) }),
      'validation_failed',
      '/phone',
    );
    await expectAppError(
      applyToCommunity({ ctx, token, input: applyBody({ consents: ['contact_email'] }) }),
      'validation_failed',
      '/consents',
    );
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('answers not found for an unknown link', async () => {
    const ctx = await ctxFor(await plainUser());
    await expectAppError(applyToCommunity({ ctx, token: 'no-such-token', input: applyBody() }), 'not_found');
  });

  it('needs a signed-in applicant', async () => {
    const community = await freshCommunity();
    const { token } = await seedCampaign(community.id);
    await expectAppError(
      applyToCommunity({ ctx: await ctxFor(null), token, input: applyBody() }),
      'unauthenticated',
    );
  });

  it('qualifies, keeps the consents with their version and sends the double opt-in email', async () => {
    const { kernel } = await testApp();
    const community = await freshCommunity({ visibility: 'hidden' });
    const { id: campaignId, token } = await seedCampaign(community.id);
    const user = await plainUser();
    const result = await applyToCommunity({ ctx: await ctxFor(user), token, input: applyBody() });
    expect(result.stage).toBe('qualified');
    const row = await applicationOf(community.id, user.userId);
    expect(row).toMatchObject({
      status: 'qualified',
      phone: '+33612345678',
      consent_version: 0,
      consents: ['participation', 'contact_email'],
      campaign_id: campaignId,
    });
    const mail = await kernel.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('to_address', '=', user.email)
      .executeTakeFirstOrThrow();
    expect(mail.kind).toBe('recruitment.confirm_email');
    expect(mail.text_body).toMatch(/\/recruit\/confirm\/[A-Za-z0-9_-]+/);
    expect((await outboxEventsOf(community.id)).map((e) => [e.type, e.payload.status])).toEqual([
      ['application.submitted', 'qualified'],
    ]);
  });

  it('disqualifies by the screening rules, without an email', async () => {
    const { kernel } = await testApp();
    const community = await freshCommunity();
    const { token } = await seedCampaign(community.id);
    const user = await plainUser();
    const result = await applyToCommunity({
      ctx: await ctxFor(user),
      token,
      input: applyBody({ answers: answers({ bike: 'no' }) }),
    });
    expect(result.stage).toBe('disqualified');
    const mails = await kernel.db
      .selectFrom('mail_messages')
      .select('id')
      .where('to_address', '=', user.email)
      .execute();
    expect(mails).toEqual([]);
  });

  it('puts applicants over a quota on the waitlist (50 % of a target of 4 women = 2)', async () => {
    const community = await freshCommunity();
    const { token } = await seedCampaign(community.id, {
      target: 4,
      quotas: [{ question: 'gender', option: 'f', share: 50 }],
    });
    const stages = [];
    for (let i = 0; i < 3; i++) {
      stages.push(
        (await applyToCommunity({ ctx: await ctxFor(await plainUser()), token, input: applyBody() })).stage,
      );
    }
    const man = await applyToCommunity({
      ctx: await ctxFor(await plainUser()),
      token,
      input: applyBody({ answers: answers({ gender: 'm' }) }),
    });
    expect(stages).toEqual(['qualified', 'qualified', 'over_quota']);
    expect(man.stage).toBe('qualified');
  });

  it('refuses a second application and a closed campaign', async () => {
    const community = await freshCommunity();
    const { token } = await seedCampaign(community.id);
    const user = await plainUser();
    await applyToCommunity({ ctx: await ctxFor(user), token, input: applyBody() });
    const again = await expectAppError(
      applyToCommunity({ ctx: await ctxFor(user), token, input: applyBody() }),
      'conflict',
    );
    expect(again.messageKey).toBe('recruitment.error.alreadyApplied');
    const closed = await seedCampaign((await freshCommunity()).id, { open: false });
    const refused = await expectAppError(
      applyToCommunity({ ctx: await ctxFor(user), token: closed.token, input: applyBody() }),
      'conflict',
    );
    expect(refused.messageKey).toBe('recruitment.error.closed');
  });

  it('uses an invitation once; a used or expired one is gone with a clear message', async () => {
    const community = await freshCommunity();
    const { id, token } = await seedCampaign(community.id);
    const good = await invitation(community.id, id, {});
    const used = await invitation(community.id, id, { used: true });
    const expired = await invitation(community.id, id, { expired: true });
    const usedError = await expectAppError(
      applyToCommunity({
        ctx: await ctxFor(await plainUser()),
        token,
        input: applyBody({ invitation: used }),
      }),
      'gone',
    );
    expect(usedError.messageKey).toBe('recruitment.error.invitationUsed');
    const expiredError = await expectAppError(
      applyToCommunity({
        ctx: await ctxFor(await plainUser()),
        token,
        input: applyBody({ invitation: expired }),
      }),
      'gone',
    );
    expect(expiredError.messageKey).toBe('recruitment.error.invitationExpired');
    await applyToCommunity({
      ctx: await ctxFor(await plainUser()),
      token,
      input: applyBody({ invitation: good }),
    });
    const twice = await expectAppError(
      applyToCommunity({
        ctx: await ctxFor(await plainUser()),
        token,
        input: applyBody({ invitation: good }),
      }),
      'gone',
    );
    expect(twice.messageKey).toBe('recruitment.error.invitationUsed');
  });
});
