import { beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  ctxFor,
  expectAppError,
  freshCommunity,
  outboxEventsOf,
  plainUser,
  testApp,
} from '../../../../test/helpers.ts';
import { applyBody, seedCampaign, tokenFromMail } from '../../../../test/recruitment-fixtures.ts';
import { applyToCommunity } from './apply-to-community.ts';
import { importCampaignContacts } from './import-campaign-contacts.ts';

beforeAll(() => testApp(), 180_000);

async function setUp() {
  const community = await freshCommunity({ visibility: 'private' });
  const admin = await plainUser();
  await addMember(community.id, admin.userId, 'admin');
  const campaign = await seedCampaign(community.id);
  return { community, admin, campaign };
}

const mapping = { email: 'E-mail', phone: 'Mobile', name: 'Name', locale: 'Lang' };

describe('importCampaignContacts', () => {
  it('rejects a missing column and too many rows, inviting nobody', async () => {
    const { community, admin, campaign } = await setUp();
    const ctx = await ctxFor(admin);
    await expectAppError(
      importCampaignContacts({
        ctx,
        community: community.slug,
        campaignId: campaign.id,
        input: { csv: 'Email;Phone\na@b.test;', mapping },
      }),
      'validation_failed',
      '/mapping/email',
    );
    const big = `E-mail\n${Array.from({ length: 501 }, (_, i) => `p${i}@example.test`).join('\n')}`;
    await expectAppError(
      importCampaignContacts({
        ctx,
        community: community.slug,
        campaignId: campaign.id,
        input: { csv: big, mapping: { email: 'E-mail' } },
      }),
      'validation_failed',
      '/csv',
    );
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('answers not found for an unknown campaign and forbidden to members', async () => {
    const { community, admin, campaign } = await setUp();
    const input = { csv: 'E-mail\na@example.test', mapping: { email: 'E-mail' } };
    await expectAppError(
      importCampaignContacts({
        ctx: await ctxFor(admin),
        community: community.slug,
        campaignId: crypto.randomUUID(),
        input,
      }),
      'not_found',
    );
    const member = await plainUser();
    await addMember(community.id, member.userId);
    await expectAppError(
      importCampaignContacts({
        ctx: await ctxFor(member),
        community: community.slug,
        campaignId: campaign.id,
        input,
      }),
      'forbidden',
    );
  });

  it('keeps the good rows, reports the bad ones and de-duplicates against members, applicants and the file', async () => {
    const { kernel } = await testApp();
    const { community, admin, campaign } = await setUp();
    const applicant = await plainUser();
    await applyToCommunity({
      ctx: await ctxFor(applicant),
      token: campaign.token,
      input: applyBody({ phone: '+33615000009' }),
    });
    const memberEmail = `m-${crypto.randomUUID()}@example.test`;
    const member = await plainUser({ email: memberEmail });
    await addMember(community.id, member.userId);
    const fresh = `new-${crypto.randomUUID()}@example.test`;
    const english = `en-${crypto.randomUUID()}@example.test`;
    const csv = [
      'Name;E-mail;Mobile;Lang',
      `Ana;${fresh.toUpperCase()};06 15 00 00 01;fr`,
      'Bob;not-an-email;;fr',
      `Cy;${english};+44 7700 900123;EN`,
      `Di;${memberEmail};;fr`,
      `Ed;other-${crypto.randomUUID()}@example.test;06 15 00 00 09;fr`,
      `Fa;${fresh};;fr`,
      'Gi;gi@example.test;12;fr',
      '"Ho; the second";"ho-' + crypto.randomUUID() + '@example.test";;',
    ].join('\r\n');
    const ctx = await ctxFor(admin);
    const preview = await importCampaignContacts({
      ctx,
      community: community.slug,
      campaignId: campaign.id,
      input: { csv, mapping, preview: true },
    });
    expect(preview).toMatchObject({ preview: true, invited: 3, duplicates: 3, invalid: 2 });
    expect(
      await kernel.db
        .selectFrom('recruitment_invitations')
        .select('id')
        .where('community_id', '=', community.id)
        .execute(),
    ).toEqual([]);
    const result = await importCampaignContacts({
      ctx,
      community: community.slug,
      campaignId: campaign.id,
      input: { csv, mapping },
    });
    expect(result.rows.map((r) => [r.line, r.outcome])).toEqual([
      [2, 'invited'],
      [3, 'invalid'],
      [4, 'invited'],
      [5, 'duplicate'],
      [6, 'duplicate'],
      [7, 'duplicate'],
      [8, 'invalid'],
      [9, 'invited'],
    ]);
    expect(result.rows[1].problem).toBe('Missing or invalid email address.');
    const mails = await kernel.db
      .selectFrom('mail_messages')
      .select(['to_address', 'locale', 'subject'])
      .where('kind', '=', 'recruitment.invitation')
      .where('to_address', 'in', [fresh, english])
      .orderBy('to_address')
      .execute();
    expect(mails.map((m) => [m.to_address, m.locale])).toEqual([
      [english, 'en'],
      [fresh, 'fr'],
    ]);
    expect(await tokenFromMail(fresh, 'recruitment.invitation')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const again = await importCampaignContacts({
      ctx,
      community: community.slug,
      campaignId: campaign.id,
      input: { csv, mapping },
    });
    expect(again).toMatchObject({ invited: 0, duplicates: 6, invalid: 2 });
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toEqual([
      'application.submitted',
      'campaign.contacts_imported',
    ]);
  });
});
