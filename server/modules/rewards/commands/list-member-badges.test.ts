import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, plainUser, testApp } from '../../../../test/helpers.ts';
import { seedBadge } from '../../../../test/points-fixtures.ts';
import { supportCommunity } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { listMemberBadges } from './list-member-badges.ts';

beforeAll(async () => {
  await testApp();
});

describe('listMemberBadges', () => {
  it('reports unknown members, or another community’s, as not found', async () => {
    const { community, member } = await supportCommunity();
    const other = await supportCommunity();
    const ctx = await ctxFor(member.user);
    await expectAppError(listMemberBadges({ ctx, community: community.id, memberId: newId() }), 'not_found');
    await expectAppError(
      listMemberBadges({ ctx, community: community.id, memberId: other.member.memberId }),
      'not_found',
    );
  });

  it('is for whoever reads the community', async () => {
    const { community, member } = await supportCommunity({ visibility: 'private' });
    const args = { community: community.id, memberId: member.memberId };
    await expectAppError(listMemberBadges({ ctx: await ctxFor(null), ...args }), 'unauthenticated');
    await expectAppError(listMemberBadges({ ctx: await ctxFor(await plainUser()), ...args }), 'forbidden');
  });

  it('shows standing badges to everyone, revoked ones to staff only', async () => {
    const { community, member, moderator } = await supportCommunity();
    const { kernel } = await testApp();
    const held = await seedBadge(community.id, member.memberId);
    const gone = await seedBadge(community.id, member.memberId);
    await kernel.db
      .updateTable('member_badges')
      .set({ revoked_at: new Date(), revoke_reason: 'Mistake' })
      .where('id', '=', gone.memberBadgeId!)
      .execute();
    const args = { community: community.id, memberId: member.memberId };
    const anonymous = await listMemberBadges({ ctx: await ctxFor(null), ...args });
    expect(anonymous.items.map((b) => b.id)).toEqual([held.memberBadgeId]);
    const staff = await listMemberBadges({ ctx: await ctxFor(moderator.user), ...args });
    expect(staff.items.map((b) => [b.id, b.revokeReason]).sort()).toEqual(
      [
        [held.memberBadgeId, null],
        [gone.memberBadgeId, 'Mistake'],
      ].sort(),
    );
  });
});
