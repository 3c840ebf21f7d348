import { beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  ctxFor,
  expectAppError,
  freshCommunity,
  plainUser,
  testApp,
} from '../../../../test/helpers.ts';
import { seedCampaign, validatedApplicant } from '../../../../test/recruitment-fixtures.ts';
import { getMyConsents } from './get-my-consents.ts';
import { publishConsentTexts } from './publish-consent-texts.ts';

beforeAll(() => testApp(), 180_000);

const text = (en: string) => ({ en, fr: `${en} (fr)` });
const texts = (v: string) => ({
  participation: text(`Participate ${v}`),
  contact_email: text(`Email ${v}`),
  contact_sms: text(`SMS ${v}`),
  quotes: text(`Quotes ${v}`),
  client_viewing: text(`Viewing ${v}`),
});

describe('consent texts and the member’s consents', () => {
  it('rejects texts missing a language', async () => {
    const community = await freshCommunity();
    const admin = await plainUser();
    await addMember(community.id, admin.userId, 'admin');
    await expectAppError(
      publishConsentTexts({
        ctx: await ctxFor(admin),
        community: community.slug,
        input: { ...texts('v1'), quotes: { en: 'Quotes' } },
      }),
      'validation_failed',
      '/quotes/fr',
    );
  });

  it('is published by staff only', async () => {
    const community = await freshCommunity();
    const member = await plainUser();
    await addMember(community.id, member.userId);
    await expectAppError(
      publishConsentTexts({ ctx: await ctxFor(member), community: community.slug, input: texts('v1') }),
      'forbidden',
    );
  });

  it('keeps the version an applicant accepted and shows it to the member later', async () => {
    const community = await freshCommunity();
    const admin = await plainUser();
    await addMember(community.id, admin.userId, 'admin');
    const ctx = await ctxFor(admin);
    expect((await publishConsentTexts({ ctx, community: community.slug, input: texts('v1') })).version).toBe(
      1,
    );
    const { token } = await seedCampaign(community.id);
    const applicant = await validatedApplicant(token, '+33616000001');
    expect((await publishConsentTexts({ ctx, community: community.slug, input: texts('v2') })).version).toBe(
      2,
    );
    const mine = await getMyConsents({ ctx: await ctxFor(applicant), community: community.slug });
    expect(mine.version).toBe(1);
    expect(mine.items.map((i) => [i.purpose, i.text, i.accepted])).toEqual([
      ['participation', 'Participate v1', true],
      ['contact_email', 'Email v1', true],
      ['contact_sms', 'SMS v1', false],
      ['quotes', 'Quotes v1', false],
      ['client_viewing', 'Viewing v1', false],
    ]);
    const noRecord = await expectAppError(getMyConsents({ ctx, community: community.slug }), 'not_found');
    expect(noRecord.messageKey).toBe('recruitment.error.noConsents');
  });
});
