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
import { campaignBody, SCREENER } from '../../../../test/recruitment-fixtures.ts';
import { createCampaign } from './create-campaign.ts';
import { getCampaign, listCampaigns } from './get-campaign.ts';
import { getCampaignQrCode } from './get-campaign-qr-code.ts';
import { getPublicCampaign } from './get-public-campaign.ts';

beforeAll(() => testApp(), 180_000);

const body = (over: Record<string, unknown> = {}) =>
  campaignBody({
    quotas: [
      { question: 'gender', option: 'f', share: 50 },
      { question: 'age', option: 'u30', max: 20 },
    ],
    ...over,
  });

async function setUp() {
  const community = await freshCommunity({ visibility: 'hidden' });
  const admin = await plainUser();
  await addMember(community.id, admin.userId, 'admin');
  return { community, admin };
}

describe('createCampaign', () => {
  it('rejects rules, quotas and mappings that do not fit the screener', async () => {
    const { community, admin } = await setUp();
    const ctx = await ctxFor(admin);
    const call = (over: Record<string, unknown>) =>
      createCampaign({ ctx, community: community.slug, input: body(over) });
    await expectAppError(call({ target: 0 }), 'validation_failed', '/target');
    await expectAppError(
      call({ rules: [{ if: { question: 'nope', op: 'answered' }, then: 'qualify' }] }),
      'validation_failed',
      '/rules/0/if/question',
    );
    await expectAppError(
      call({ quotas: [{ question: 'gender', option: 'zz', max: 3 }] }),
      'validation_failed',
      '/quotas/0/option',
    );
    await expectAppError(
      call({ quotas: [{ question: 'gender', option: 'f' }] }),
      'validation_failed',
      '/quotas/0',
    );
    await expectAppError(
      call({ attributeMap: [{ question: 'gender', attributeId: crypto.randomUUID() }] }),
      'validation_failed',
      '/attributeMap/0/attributeId',
    );
    const stimulus = {
      id: 'pick',
      type: 'preference',
      title: 'Which?',
      required: true,
      options: [
        { id: 'a', label: 'A', mediaId: crypto.randomUUID() },
        { id: 'b', label: 'B', mediaId: crypto.randomUUID() },
      ],
    };
    const withStimulus = {
      pages: [{ ...SCREENER.pages[0], questions: [...SCREENER.pages[0].questions, stimulus] }],
    };
    const refused = await expectAppError(call({ screener: withStimulus }), 'validation_failed');
    expect(refused.fields[0].key).toBe('research.validation.noStimulus');
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('answers not found for a hidden community to outsiders, forbidden to members', async () => {
    const { community } = await setUp();
    await expectAppError(
      createCampaign({ ctx: await ctxFor(await plainUser()), community: community.slug, input: body() }),
      'not_found',
    );
    const member = await plainUser();
    await addMember(community.id, member.userId);
    await expectAppError(
      createCampaign({ ctx: await ctxFor(member), community: community.slug, input: body() }),
      'forbidden',
    );
  });

  it('creates the campaign with its public link, quota fill and QR code', async () => {
    const { community, admin } = await setUp();
    const ctx = await ctxFor(admin);
    const created = await createCampaign({ ctx, community: community.slug, input: body() });
    expect(created.quotaFill).toEqual([
      { question: 'gender', option: 'f', limit: 20, filled: 0 },
      { question: 'age', option: 'u30', limit: 20, filled: 0 },
    ]);
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect((await getCampaign({ ctx, community: community.slug, campaignId: created.id })).name).toBe(
      'Spring panel',
    );
    expect((await listCampaigns({ ctx, community: community.slug })).items.map((c) => c.id)).toEqual([
      created.id,
    ]);
    const qr = await getCampaignQrCode({ ctx, community: community.slug, campaignId: created.id });
    expect(qr.svg).toMatch(/^<svg[^>]*viewBox/);
    expect(qr.url).toMatch(new RegExp(`/recruit/${created.token}$`));
    const open = await getPublicCampaign({ ctx: await ctxFor(null), token: created.token });
    expect(open).toMatchObject({ communitySlug: community.slug, open: true, consent: { version: 0 } });
    expect(open.consent.texts.map((t) => t.purpose)).toEqual([
      'participation',
      'contact_email',
      'contact_sms',
      'quotes',
      'client_viewing',
    ]);
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toEqual(['campaign.created']);
  });
});
