import { beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  ctxFor,
  expectAppError,
  freshCommunity,
  plainUser,
  testApp,
} from '../../../../test/helpers.ts';
import { applyBody, seedCampaign, validatedApplicant } from '../../../../test/recruitment-fixtures.ts';
import { applyToCommunity } from './apply-to-community.ts';
import { listApplications } from './list-applications.ts';

beforeAll(() => testApp(), 180_000);

async function setUp(memberCap?: number) {
  const community = await freshCommunity(memberCap ? { member_cap: memberCap } : {});
  const admin = await plainUser();
  await addMember(community.id, admin.userId, 'admin');
  const campaign = await seedCampaign(community.id);
  const ctx = await ctxFor(admin);
  const list = (query: Record<string, unknown>) =>
    listApplications({ ctx, community: community.slug, query });
  return { community, campaign, list };
}

/** Every page of a list, following the cursors; the items' ids page by page. */
async function allPages(
  list: (query: Record<string, unknown>) => Promise<{ items: { id: string }[]; nextCursor: string | null }>,
  query: Record<string, unknown>,
) {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await list({ ...query, ...(cursor ? { cursor } : {}) });
    pages.push(page.items.map((a) => a.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 10);
  return pages;
}

describe('listApplications paging', () => {
  it('pages the applications newest first with a cursor, without a gap or a repeat', async () => {
    const { campaign, list } = await setUp();
    for (let i = 0; i < 5; i++) {
      const user = await plainUser();
      await applyToCommunity({ ctx: await ctxFor(user), token: campaign.token, input: applyBody() });
    }
    const everything = await list({ limit: 100 });
    expect(everything.items).toHaveLength(5);
    expect(everything.nextCursor).toBeNull();
    const pages = await allPages(list, { limit: 2 });
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual(everything.items.map((a) => a.id));
    const times = everything.items.map((a) => Date.parse(a.appliedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('pages the waitlist in its order', async () => {
    // Capped at 2: the admin and the first applicant; the next three wait.
    const { campaign, list } = await setUp(2);
    for (let i = 0; i < 4; i++) await validatedApplicant(campaign.token, `+3361600000${i}`);
    const pages = await allPages(list, { status: 'waitlisted', limit: 2 });
    expect(pages.map((p) => p.length)).toEqual([2, 1]);
    const whole = await list({ status: 'waitlisted' });
    expect(whole.items.map((a) => a.waitlistPosition)).toEqual([1, 2, 3]);
    expect(pages.flat()).toEqual(whole.items.map((a) => a.id));
  });

  it('refuses a malformed cursor and a limit over 100', async () => {
    const { list } = await setUp();
    await expectAppError(list({ cursor: 'not-a-cursor' }), 'bad_request');
    const foreign = Buffer.from(JSON.stringify(['x', crypto.randomUUID()])).toString('base64url');
    await expectAppError(list({ status: 'waitlisted', cursor: foreign }), 'bad_request');
    await expectAppError(list({ limit: 101 }), 'validation_failed', '/limit');
  });
});
