import { newId } from '../server/platform/db/ids.ts';
import type { ApplicationRow } from '../server/platform/db/schema-recruitment.ts';
import type { SurveyDefinitionInput } from '../server/modules/research/survey-definition.ts';
import { applyToCommunity } from '../server/modules/recruitment/commands/apply-to-community.ts';
import { confirmApplicationEmail } from '../server/modules/recruitment/commands/confirm-application-email.ts';
import { decideApplication } from '../server/modules/recruitment/commands/decide-application.ts';
import { updateCampaign } from '../server/modules/recruitment/commands/update-campaign.ts';
import { verifyPhone } from '../server/modules/recruitment/commands/verify-phone.ts';
import { hashToken } from '../server/modules/recruitment/recruitment-rules.ts';
import { addMember, ctxFor, freshCommunity, plainUser, testApp, type TestUser } from './helpers.ts';

/** A screener: gender (single choice), age band (single choice), do they own a bike (single choice). */
export const SCREENER: SurveyDefinitionInput = {
  pages: [
    {
      id: 'about',
      questions: [
        {
          id: 'gender',
          type: 'single',
          title: 'You are',
          required: true,
          options: [
            { id: 'f', label: 'A woman' },
            { id: 'm', label: 'A man' },
            { id: 'x', label: 'Other' },
          ],
        },
        {
          id: 'age',
          type: 'single',
          title: 'Your age',
          required: true,
          options: [
            { id: 'u30', label: 'Under 30' },
            { id: 'o30', label: '30 or more' },
          ],
        },
        {
          id: 'bike',
          type: 'single',
          title: 'Do you own a bike?',
          required: true,
          options: [
            { id: 'yes', label: 'Yes' },
            { id: 'no', label: 'No' },
          ],
        },
      ],
    },
  ],
};

/** Answers that qualify (a woman under 30 owning a bike), with overrides. */
export const answers = (over: Record<string, string> = {}) => ({
  gender: 'f',
  age: 'u30',
  bike: 'yes',
  ...over,
});

/** Stores a campaign directly: the screener above, non-owners disqualified, optional quotas. */
export async function seedCampaign(
  communityId: string,
  options: { quotas?: unknown[]; target?: number; attributeMap?: unknown[]; open?: boolean } = {},
) {
  const { kernel } = await testApp();
  const id = newId();
  const token = `tok${id.replace(/-/g, '')}`;
  await kernel.db
    .insertInto('recruitment_campaigns')
    .values({
      id,
      community_id: communityId,
      name: 'Spring panel',
      token,
      screener: JSON.stringify(SCREENER),
      rules: JSON.stringify([{ if: { question: 'bike', op: 'equals', value: 'no' }, then: 'disqualify' }]),
      quotas: JSON.stringify(options.quotas ?? []),
      attribute_map: JSON.stringify(options.attributeMap ?? []),
      target: options.target ?? 100,
      open: options.open ?? true,
    })
    .execute();
  return { id, token };
}

/** A campaign's body as staff send it: the screener above, non-owners disqualified, one quota; overrides. */
export const campaignBody = (over: Record<string, unknown> = {}) => ({
  name: 'Spring panel',
  screener: SCREENER,
  rules: [{ if: { question: 'bike', op: 'equals', value: 'no' }, then: 'disqualify' }],
  quotas: [{ question: 'gender', option: 'f', max: 10 }],
  target: 40,
  ...over,
});

/** A valid application body. */
export const applyBody = (over: Record<string, unknown> = {}) => ({
  answers: answers(),
  phone: '06 12 34 56 78',
  pseudonym: `cand${newId().slice(-8)}`,
  consents: ['participation', 'contact_email'],
  ...over,
});

/** The application row of a user in a community. */
export async function applicationOf(communityId: string, userId: string): Promise<ApplicationRow> {
  const { kernel } = await testApp();
  return kernel.db
    .selectFrom('recruitment_applications')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
}

/** The token of the last email of a kind sent to an address (read from the captured outbox). */
export async function tokenFromMail(to: string, kind: string): Promise<string> {
  const { kernel } = await testApp();
  const mail = await kernel.db
    .selectFrom('mail_messages')
    .select('text_body')
    .where('to_address', '=', to)
    .where('kind', '=', kind)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  return /\/recruit\/(?:confirm|offer)\/([A-Za-z0-9_-]+)|invitation=([A-Za-z0-9_-]+)/
    .exec(mail.text_body)!
    .slice(1)
    .find(Boolean)!;
}

/** The code of the last SMS sent to a number (read from the SMS outbox). */
export async function codeFromSms(to: string): Promise<string> {
  const { kernel } = await testApp();
  const sms = await kernel.db
    .selectFrom('sms_messages')
    .select('body')
    .where('to_number', '=', to)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return /\d{6}/.exec(sms.body)![0];
}

/** A qualified applicant with a confirmed email (their SMS code sent), not yet phone-validated. */
export async function confirmedApplicant(token: string, phone: string, user?: TestUser) {
  const applicant = user ?? (await plainUser());
  const ctx = await ctxFor(applicant);
  await applyToCommunity({ ctx, token, input: applyBody({ phone }) });
  await confirmApplicationEmail({
    ctx,
    input: { token: await tokenFromMail(applicant.email, 'recruitment.confirm_email') },
  });
  return applicant;
}

/** Takes an applicant through the whole check: applied, email confirmed, phone code entered. */
export async function validatedApplicant(token: string, phone: string) {
  const applicant = await confirmedApplicant(token, phone);
  await verifyPhone({ ctx: await ctxFor(applicant), token, input: { code: await codeFromSms(phone) } });
  return applicant;
}

/** Sets an application's email token to a known value (to test the link directly). */
export async function setEmailToken(applicationId: string, token: string) {
  const { kernel } = await testApp();
  await kernel.db
    .updateTable('recruitment_applications')
    .set({ email_token_hash: hashToken(token) })
    .where('id', '=', applicationId)
    .execute();
}

/** Stores a qualified application of a fresh user directly (for the role table). */
export async function seedApplication(communityId: string, campaignId: string): Promise<string> {
  const { kernel } = await testApp();
  const user = await plainUser();
  const id = newId();
  await kernel.db
    .insertInto('recruitment_applications')
    .values({
      id,
      community_id: communityId,
      campaign_id: campaignId,
      user_id: user.userId,
      email: user.email,
      phone: '+33600000000',
      pseudonym: `s${id.slice(-10)}`,
      pseudonym_key: `s${id.slice(-10)}`,
      locale: 'fr',
      answers: JSON.stringify(answers()),
      status: 'qualified',
      consent_version: 0,
      consents: JSON.stringify(['participation']),
    })
    .execute();
  return id;
}

/**
 * A community (optionally capped) with an admin and a campaign whose quota admits at most `max` women;
 * `decide` takes a staff decision (with extra fields such as `overrideQuota`), `setQuota` edits the quota
 * (target 100), `apply` applies as a new user with the qualifying answers (or overrides) and returns them.
 */
export async function quotaSetUp(max: number, memberCap?: number) {
  const quota = (n: number) => [{ question: 'gender', option: 'f', max: n }];
  const community = await freshCommunity(memberCap ? { member_cap: memberCap } : {});
  const admin = await plainUser();
  await addMember(community.id, admin.userId, 'admin');
  const campaign = await seedCampaign(community.id, { quotas: quota(max) });
  const ctx = await ctxFor(admin);
  const decide = (applicationId: string, decision: string, extra: Record<string, unknown> = {}) =>
    decideApplication({ ctx, community: community.slug, applicationId, input: { decision, ...extra } });
  const setQuota = (to: number) =>
    updateCampaign({
      ctx,
      community: community.slug,
      campaignId: campaign.id,
      input: campaignBody({ quotas: quota(to), target: 100 }),
    });
  const apply = async (over: Record<string, string> = {}) => {
    const user = await plainUser();
    await applyToCommunity({
      ctx: await ctxFor(user),
      token: campaign.token,
      input: applyBody({ answers: answers(over) }),
    });
    return user;
  };
  return { community, campaign, decide, setQuota, apply };
}
