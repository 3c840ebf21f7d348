import { beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  auditRowsOf,
  ctxFor,
  expectAppError,
  freshCommunity,
  outboxEventsOf,
  plainUser,
  testApp,
} from '../../../../test/helpers.ts';
import {
  answers,
  applicationOf,
  applyBody,
  campaignBody,
  SCREENER,
  seedCampaign,
} from '../../../../test/recruitment-fixtures.ts';
import { seedAttribute } from '../../../../test/research-fixtures.ts';
import { applyToCommunity } from './apply-to-community.ts';
import { getPublicCampaign } from './get-public-campaign.ts';
import { listApplications } from './list-applications.ts';
import { updateCampaign } from './update-campaign.ts';

beforeAll(() => testApp(), 180_000);

const body = campaignBody;

async function setUp() {
  const community = await freshCommunity({ visibility: 'private' });
  const admin = await plainUser();
  await addMember(community.id, admin.userId, 'admin');
  const campaign = await seedCampaign(community.id, {
    quotas: [{ question: 'gender', option: 'f', max: 10 }],
  });
  return { community, admin, campaign };
}

describe('updateCampaign', () => {
  it('refuses rules, quotas and mappings that do not fit, naming the field; nothing changes', async () => {
    const { community, admin, campaign } = await setUp();
    const ctx = await ctxFor(admin);
    const number = await seedAttribute(community.id, { key: 'n', kind: 'number', visibility: 'staff_only' });
    const call = (over: Record<string, unknown>) =>
      updateCampaign({ ctx, community: community.slug, campaignId: campaign.id, input: body(over) });
    await expectAppError(
      call({ rules: [{ if: { question: 'nope', op: 'equals', value: 'x' }, then: 'disqualify' }] }),
      'validation_failed',
      '/rules/0/if/question',
    );
    await expectAppError(
      call({ quotas: [{ question: 'gender', option: 'zz', max: 3 }] }),
      'validation_failed',
      '/quotas/0/option',
    );
    await expectAppError(
      call({ quotas: [{ question: 'gender', option: 'f', share: 150 }] }),
      'validation_failed',
      '/quotas/0/share',
    );
    await expectAppError(
      call({ attributeMap: [{ question: 'gender', attributeId: number.id }] }),
      'validation_failed',
      '/attributeMap/0/attributeId',
    );
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('is for staff: not found to outsiders, forbidden to members, not found for another campaign', async () => {
    const { community, campaign } = await setUp();
    const member = await plainUser();
    await addMember(community.id, member.userId);
    const call = async (user: Awaited<ReturnType<typeof plainUser>>, campaignId = campaign.id) =>
      updateCampaign({ ctx: await ctxFor(user), community: community.slug, campaignId, input: body() });
    await expectAppError(call(member), 'forbidden');
    const other = await freshCommunity();
    const admin = await plainUser();
    await addMember(other.id, admin.userId, 'admin');
    await expectAppError(
      updateCampaign({
        ctx: await ctxFor(admin),
        community: other.slug,
        campaignId: campaign.id,
        input: body(),
      }),
      'not_found',
    );
  });

  it('edits the screener, rules and quotas, keeps the applications and recounts their quota cells', async () => {
    const { community, admin, campaign } = await setUp();
    const ctx = await ctxFor(admin);
    const woman = await plainUser();
    await applyToCommunity({ ctx: await ctxFor(woman), token: campaign.token, input: applyBody() });
    const man = await plainUser();
    await applyToCommunity({
      ctx: await ctxFor(man),
      token: campaign.token,
      input: applyBody({ answers: answers({ gender: 'm', age: 'o30' }) }),
    });
    const screener = structuredClone(SCREENER);
    screener.pages[0].questions.push({ id: 'city', type: 'text', title: 'Your city', required: false });
    const updated = await updateCampaign({
      ctx,
      community: community.slug,
      campaignId: campaign.id,
      input: body({
        name: 'Spring panel, round 2',
        screener,
        quotas: [{ question: 'age', option: 'o30', share: 50 }],
        target: 10,
        open: false,
      }),
    });
    expect(updated).toMatchObject({ name: 'Spring panel, round 2', target: 10, open: false });
    expect(updated.quotaFill).toEqual([{ question: 'age', option: 'o30', limit: 5, filled: 1 }]);
    expect((await applicationOf(community.id, woman.userId)).quota_cells).toEqual([]);
    expect((await applicationOf(community.id, man.userId)).quota_cells).toEqual(['age:o30']);
    const listed = await listApplications({ ctx, community: community.slug, query: {} });
    expect(listed.items.map((a) => a.stage).sort()).toEqual(['qualified', 'qualified']);
    const open = await getPublicCampaign({ ctx: await ctxFor(null), token: campaign.token });
    expect(open.open).toBe(false);
    expect(open.screener.pages[0].questions.map((q) => q.id)).toEqual(['gender', 'age', 'bike', 'city']);
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toContain('campaign.updated');
    expect((await auditRowsOf(community.id)).map((r) => r.action)).toEqual(['campaign.update']);
  });
});
