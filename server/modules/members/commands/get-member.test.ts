import { describe, expect, it } from 'vitest';
import { addMember, ctxFor, expectAppError, freshCommunity, plainUser } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { getMember } from './get-member.ts';

describe('getMember', () => {
  it('reports a malformed or unknown id, or another community’s member, as not found', async () => {
    const community = await freshCommunity();
    const other = await freshCommunity();
    const otherMember = await addMember(other.id, (await plainUser()).userId);
    const ctx = await ctxFor(await plainUser());
    for (const memberId of ['not-a-uuid', newId(), otherMember]) {
      await expectAppError(getMember({ ctx, community: community.id, memberId }), 'not_found');
    }
    await expectAppError(getMember({ ctx, community: 'no-such-slug', memberId: otherMember }), 'not_found');
  });

  it('hides a hidden community’s members from outsiders (not_found)', async () => {
    const hidden = await freshCommunity({ visibility: 'hidden' });
    const memberId = await addMember(hidden.id, (await plainUser()).userId);
    await expectAppError(getMember({ ctx: await ctxFor(null), community: hidden.id, memberId }), 'not_found');
    await expectAppError(
      getMember({ ctx: await ctxFor(await plainUser()), community: hidden.id, memberId }),
      'not_found',
    );
  });

  it('refuses a private community’s profiles to anonymous visitors and outsiders', async () => {
    const priv = await freshCommunity({ visibility: 'private' });
    const memberId = await addMember(priv.id, (await plainUser()).userId);
    await expectAppError(
      getMember({ ctx: await ctxFor(null), community: priv.id, memberId }),
      'unauthenticated',
    );
    await expectAppError(
      getMember({ ctx: await ctxFor(await plainUser()), community: priv.id, memberId }),
      'forbidden',
    );
    const pending = await plainUser();
    await addMember(priv.id, pending.userId, 'member', 'pending');
    await expectAppError(
      getMember({ ctx: await ctxFor(pending), community: priv.id, memberId }),
      'forbidden',
    );
  });

  it('shows a public profile without identity; pending members only to managers and themselves', async () => {
    const community = await freshCommunity();
    const user = await plainUser({ name: 'Secret Name' });
    const memberId = await addMember(community.id, user.userId, 'expert');
    const profile = await getMember({ ctx: await ctxFor(null), community: community.slug, memberId });
    expect(profile).toEqual({
      id: memberId,
      pseudonym: expect.any(String) as unknown,
      role: 'expert',
      status: 'active',
      bio: '',
      rank: null,
      joinedAt: expect.any(String) as unknown,
    });
    expect(JSON.stringify(profile)).not.toContain(user.email);

    const applicant = await plainUser();
    const pendingId = await addMember(community.id, applicant.userId, 'member', 'pending');
    await expectAppError(
      getMember({ ctx: await ctxFor(user), community: community.id, memberId: pendingId }),
      'not_found',
    );
    expect(
      (await getMember({ ctx: await ctxFor(applicant), community: community.id, memberId: pendingId }))
        .status,
    ).toBe('pending');
    const moderator = await plainUser();
    await addMember(community.id, moderator.userId, 'moderator');
    expect(
      (await getMember({ ctx: await ctxFor(moderator), community: community.id, memberId: pendingId })).id,
    ).toBe(pendingId);
  });
});
