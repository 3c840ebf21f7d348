import { describe, expect, it } from 'vitest';
import { addMember, ctxFor, expectAppError, freshCommunity, plainUser } from '../../../../test/helpers.ts';
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
});
