import { beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  auditRowsOf,
  ctxFor,
  expectAppError,
  freshCommunity,
  plainUser,
  testApp,
} from '../../../../test/helpers.ts';
import { applicationOf, applyBody, answers, seedCampaign } from '../../../../test/recruitment-fixtures.ts';
import { applyToCommunity } from './apply-to-community.ts';
import { confirmApplicationEmail } from './confirm-application-email.ts';
import { decideApplication } from './decide-application.ts';
import { listApplications } from './list-applications.ts';
import { tokenFromMail } from '../../../../test/recruitment-fixtures.ts';

beforeAll(() => testApp(), 180_000);

async function setUp() {
  const community = await freshCommunity({ visibility: 'private' });
  const admin = await plainUser();
  await addMember(community.id, admin.userId, 'admin');
  const member = await plainUser();
  await addMember(community.id, member.userId, 'member');
  const { token } = await seedCampaign(community.id);
  return { community, admin, member, token };
}

describe('decideApplication', () => {
  it('rejects a bad decision and a phone call without a note', async () => {
    const { community, admin, token } = await setUp();
    const user = await plainUser();
    await applyToCommunity({ ctx: await ctxFor(user), token, input: applyBody() });
    const app = await applicationOf(community.id, user.userId);
    const ctx = await ctxFor(admin);
    await expectAppError(
      decideApplication({
        ctx,
        community: community.slug,
        applicationId: app.id,
        input: { decision: 'admit' },
      }),
      'validation_failed',
      '/decision',
    );
    await expectAppError(
      decideApplication({
        ctx,
        community: community.slug,
        applicationId: app.id,
        input: { decision: 'phone_validated', note: '  ' },
      }),
      'validation_failed',
      '/note',
    );
  });

  it('answers not found for an unknown application', async () => {
    const { community, admin } = await setUp();
    await expectAppError(
      decideApplication({
        ctx: await ctxFor(admin),
        community: community.slug,
        applicationId: crypto.randomUUID(),
        input: { decision: 'qualify' },
      }),
      'not_found',
    );
  });

  it('is for staff only', async () => {
    const { community, member, token } = await setUp();
    const user = await plainUser();
    await applyToCommunity({ ctx: await ctxFor(user), token, input: applyBody() });
    const app = await applicationOf(community.id, user.userId);
    await expectAppError(
      decideApplication({
        ctx: await ctxFor(member),
        community: community.slug,
        applicationId: app.id,
        input: { decision: 'disqualify' },
      }),
      'forbidden',
    );
    await expectAppError(
      listApplications({ ctx: await ctxFor(member), community: community.slug, query: {} }),
      'forbidden',
    );
  });

  it('qualifies a disqualified applicant (who gets the opt-in email) and audits it', async () => {
    const { community, admin, token } = await setUp();
    const user = await plainUser();
    await applyToCommunity({
      ctx: await ctxFor(user),
      token,
      input: applyBody({ answers: answers({ bike: 'no' }) }),
    });
    const app = await applicationOf(community.id, user.userId);
    const result = await decideApplication({
      ctx: await ctxFor(admin),
      community: community.slug,
      applicationId: app.id,
      input: { decision: 'qualify', note: 'Bike on order' },
    });
    expect(result).toMatchObject({ stage: 'qualified', decisionNote: 'Bike on order' });
    expect(await tokenFromMail(user.email, 'recruitment.confirm_email')).toBeTruthy();
    expect((await auditRowsOf(community.id)).map((r) => r.action)).toEqual(['application.qualify']);
    const conflict = await expectAppError(
      decideApplication({
        ctx: await ctxFor(admin),
        community: community.slug,
        applicationId: app.id,
        input: { decision: 'qualify' },
      }),
      'conflict',
    );
    expect(conflict.messageKey).toBe('recruitment.error.notAtThisStep');
  });

  it('records a phone call instead of the SMS code; with the email confirmed the applicant is admitted', async () => {
    const { community, admin, token } = await setUp();
    const user = await plainUser();
    await applyToCommunity({ ctx: await ctxFor(user), token, input: applyBody() });
    await confirmApplicationEmail({
      ctx: await ctxFor(user),
      input: { token: await tokenFromMail(user.email, 'recruitment.confirm_email') },
    });
    const app = await applicationOf(community.id, user.userId);
    const result = await decideApplication({
      ctx: await ctxFor(admin),
      community: community.slug,
      applicationId: app.id,
      input: { decision: 'phone_validated', note: 'Called on 3 Dec, number confirmed' },
    });
    expect(result).toMatchObject({
      stage: 'probation',
      phoneMethod: 'call',
      phoneNote: 'Called on 3 Dec, number confirmed',
    });
    const listed = await listApplications({ ctx: await ctxFor(admin), community: community.slug, query: {} });
    expect(listed.items.map((a) => [a.id, a.stage])).toEqual([[app.id, 'probation']]);
  });
});
