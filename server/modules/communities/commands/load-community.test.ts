import { describe, expect, it } from 'vitest';
import { addMember, ctxFor, expectAppError, freshCommunity, plainUser } from '../../../../test/helpers.ts';
import { presentCommunity } from '../communities.presenter.ts';
import { loadCommunity } from './load-community.ts';

describe('loadCommunity', () => {
  it('reports an unknown community as not found', async () => {
    await expectAppError(loadCommunity(await ctxFor(null), 'missing-slug'), 'not_found');
  });

  it('reports a hidden community as not found to outsiders, even pending ones see it', async () => {
    const hidden = await freshCommunity({ visibility: 'hidden' });
    await expectAppError(loadCommunity(await ctxFor(await plainUser()), hidden.slug), 'not_found');
    const pending = await plainUser();
    await addMember(hidden.id, pending.userId, 'member', 'pending');
    const loaded = await loadCommunity(await ctxFor(pending), hidden.slug);
    expect(loaded.membership).toMatchObject({ role: 'member', status: 'pending' });
  });

  it('loads the community with the actor’s membership facts and active member count', async () => {
    const community = await freshCommunity({ visibility: 'private' });
    const moderator = await plainUser();
    const id = await addMember(community.id, moderator.userId, 'moderator');
    await addMember(community.id, (await plainUser()).userId, 'member', 'pending');
    const loaded = await loadCommunity(await ctxFor(moderator), community.id);
    expect(loaded.community).toMatchObject({ id: community.id, slug: community.slug, members_count: 1 });
    expect(loaded.membership).toEqual({
      id,
      role: 'moderator',
      status: 'active',
      pseudonym: expect.any(String) as unknown,
      supportAgent: false,
    });
    const anonymous = await loadCommunity(await ctxFor(null), community.slug);
    expect(anonymous.membership).toBeNull();
  });

  it('skips the member count when asked, unless the request shares its reads (a web page counts once)', async () => {
    const community = await freshCommunity();
    const member = await plainUser();
    await addMember(community.id, member.userId, 'member');
    for (const user of [null, member]) {
      const ctx = await ctxFor(user);
      const uncounted = await loadCommunity(ctx, community.slug, { memberCount: false });
      expect(uncounted.community).toMatchObject({ id: community.id, members_count: null });
      // Presenting an uncounted community is a programming error, not a community of zero members.
      expect(() => presentCommunity(uncounted.community, ctx.actor, uncounted)).toThrow(/member count/);
      const page = { ...ctx, reads: new Map<string, Promise<unknown>>() };
      const counted = await loadCommunity(page, community.slug);
      const shared = await loadCommunity(page, community.slug, { memberCount: false });
      expect(Number(shared.community.members_count)).toBe(1);
      expect(shared.community).toBe(counted.community);
      // A page that shows no count (a topic's: its layout and its topic) reads the community once, uncounted.
      const topicPage = { ...ctx, reads: new Map<string, Promise<unknown>>() };
      const [layout, topic] = await Promise.all([
        loadCommunity(topicPage, community.slug, { memberCount: false }),
        loadCommunity(topicPage, community.slug, { memberCount: false }),
      ]);
      expect(layout.community).toMatchObject({ id: community.id, members_count: null });
      expect(topic.community).toBe(layout.community);
      expect([...topicPage.reads.keys()]).toEqual([`community:${community.slug}:uncounted`]);
    }
  });
});
