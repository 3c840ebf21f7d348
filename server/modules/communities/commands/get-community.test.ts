import { describe, expect, it } from 'vitest';
import { addMember, ctxFor, expectAppError, freshCommunity, plainUser } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { getCommunity, getCommunityPage } from './get-community.ts';

describe('getCommunity', () => {
  it('reports an unknown id or slug as not found', async () => {
    const ctx = await ctxFor(await plainUser({ platformAdmin: true }));
    await expectAppError(getCommunity({ ctx, community: newId() }), 'not_found');
    await expectAppError(getCommunity({ ctx, community: 'no-such-community' }), 'not_found');
  });

  it('hides a hidden community from anonymous visitors and outsiders (not_found, never forbidden)', async () => {
    const hidden = await freshCommunity({ visibility: 'hidden' });
    await expectAppError(getCommunity({ ctx: await ctxFor(null), community: hidden.slug }), 'not_found');
    await expectAppError(
      getCommunity({ ctx: await ctxFor(await plainUser()), community: hidden.id }),
      'not_found',
    );
  });

  it('shows a hidden community to its members and to platform admins', async () => {
    const hidden = await freshCommunity({ visibility: 'hidden' });
    const member = await plainUser();
    const membershipId = await addMember(hidden.id, member.userId);
    const seen = await getCommunity({ ctx: await ctxFor(member), community: hidden.slug });
    expect(seen).toMatchObject({ id: hidden.id, visibility: 'hidden', membersCount: 1 });
    expect(seen.viewerMembership).toMatchObject({ id: membershipId, role: 'member', status: 'active' });
    expect(seen.abilities).toMatchObject({ viewContent: true, update: false, join: false });
    const admin = await getCommunity({
      ctx: await ctxFor(await plainUser({ platformAdmin: true })),
      community: hidden.id,
    });
    expect(admin.abilities.update).toBe(true);
  });

  it('shows a public community to anyone, by slug or id, with the viewer’s abilities', async () => {
    const community = await freshCommunity();
    const anonymous = await getCommunity({ ctx: await ctxFor(null), community: community.slug });
    expect(anonymous).toMatchObject({ id: community.id, slug: community.slug, viewerMembership: null });
    expect(anonymous.abilities).toMatchObject({ view: true, viewContent: true, join: false, update: false });
    const outsider = await getCommunity({ ctx: await ctxFor(await plainUser()), community: community.id });
    expect(outsider.abilities.join).toBe(true);
    expect(Object.keys(outsider)).not.toContain('created_at');
  });

  it('presents a page layout’s community without counting its members when asked, as getCommunity otherwise', async () => {
    const community = await freshCommunity();
    const member = await plainUser();
    await addMember(community.id, member.userId);
    for (const viewer of [null, member]) {
      const ctx = await ctxFor(viewer);
      const full = await getCommunity({ ctx, community: community.slug });
      const counted = await getCommunityPage({ ctx, community: community.slug, memberCount: true });
      expect(counted).toEqual(full);
      expect(counted.membersCount).toBe(1);
      const uncounted = await getCommunityPage({ ctx, community: community.slug, memberCount: false });
      expect(uncounted).toEqual({ ...full, membersCount: null });
    }
    const hidden = await freshCommunity({ visibility: 'hidden' });
    await expectAppError(
      getCommunityPage({ ctx: await ctxFor(null), community: hidden.slug, memberCount: false }),
      'not_found',
    );
  });
});
