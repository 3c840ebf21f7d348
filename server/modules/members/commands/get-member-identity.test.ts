import { describe, expect, it } from 'vitest';
import {
  addMember,
  ctxFor,
  expectAppError,
  freshCommunity,
  outboxEventsOf,
  plainUser,
  testApp,
} from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { getMemberIdentity } from './get-member-identity.ts';

async function accessLogOf(communityId: string) {
  const { kernel } = await testApp();
  return kernel.db
    .selectFrom('access_log')
    .select(['actor_user_id', 'subject_membership_id', 'fields', 'purpose'])
    .where('community_id', '=', communityId)
    .orderBy('id')
    .execute();
}

describe('getMemberIdentity', () => {
  it('reports an unknown member, or another community’s member, as not found, and logs nothing', async () => {
    const community = await freshCommunity();
    const moderator = await plainUser();
    await addMember(community.id, moderator.userId, 'moderator');
    const other = await freshCommunity();
    const stranger = await addMember(other.id, (await plainUser()).userId);
    const ctx = await ctxFor(moderator);
    for (const memberId of [newId(), stranger, 'nope']) {
      await expectAppError(getMemberIdentity({ ctx, community: community.id, memberId }), 'not_found');
    }
    const hidden = await freshCommunity({ visibility: 'hidden' });
    await expectAppError(getMemberIdentity({ ctx, community: hidden.id, memberId: stranger }), 'not_found');
    expect(await accessLogOf(community.id)).toEqual([]);
    expect(await accessLogOf(other.id)).toEqual([]);
  });

  it('refuses anonymous visitors, outsiders, members, experts and observers', async () => {
    const community = await freshCommunity();
    const memberId = await addMember(community.id, (await plainUser()).userId);
    await expectAppError(
      getMemberIdentity({ ctx: await ctxFor(null), community: community.id, memberId }),
      'unauthenticated',
    );
    await expectAppError(
      getMemberIdentity({ ctx: await ctxFor(await plainUser()), community: community.id, memberId }),
      'forbidden',
    );
    for (const role of ['member', 'expert', 'observer'] as const) {
      const user = await plainUser();
      await addMember(community.id, user.userId, role);
      await expectAppError(
        getMemberIdentity({ ctx: await ctxFor(user), community: community.id, memberId }),
        'forbidden',
      );
    }
    expect(await accessLogOf(community.id)).toEqual([]);
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('reveals the identity to a moderator, writes an access_log row and emits member.identity_viewed', async () => {
    const community = await freshCommunity();
    const subject = await plainUser({ name: 'Camille Martin' });
    const memberId = await addMember(community.id, subject.userId);
    const moderator = await plainUser();
    await addMember(community.id, moderator.userId, 'moderator');
    const identity = await getMemberIdentity({
      ctx: await ctxFor(moderator),
      community: community.slug,
      memberId,
      purpose: '  support case 42 ',
    });
    expect(identity).toEqual({ memberId, name: 'Camille Martin', email: subject.email, phone: null });
    expect(await accessLogOf(community.id)).toEqual([
      {
        actor_user_id: moderator.userId,
        subject_membership_id: memberId,
        fields: ['name', 'email', 'phone'],
        purpose: 'support case 42',
      },
    ]);
    expect(await outboxEventsOf(community.id)).toEqual([
      {
        type: 'member.identity_viewed',
        payload: { communityId: community.id, memberId, fields: ['name', 'email', 'phone'] },
        actor: moderator.userId,
      },
    ]);
  });

  it('logs every read by admins and platform admins, with "profile" as the default purpose', async () => {
    const community = await freshCommunity();
    const memberId = await addMember(community.id, (await plainUser()).userId);
    const admin = await plainUser();
    await addMember(community.id, admin.userId, 'admin');
    const platform = await plainUser({ platformAdmin: true });
    await getMemberIdentity({ ctx: await ctxFor(admin), community: community.id, memberId });
    await getMemberIdentity({ ctx: await ctxFor(platform), community: community.id, memberId });
    const log = await accessLogOf(community.id);
    expect(log.map((r) => [r.actor_user_id, r.purpose])).toEqual([
      [admin.userId, 'profile'],
      [platform.userId, 'profile'],
    ]);
  });
});
