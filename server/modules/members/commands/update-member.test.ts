import { describe, expect, it } from 'vitest';
import {
  addMember,
  auditRowsOf,
  ctxFor,
  expectAppError,
  freshCommunity,
  outboxEventsOf,
  plainUser,
} from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { updateMember } from './update-member.ts';

/** A community with an admin, a moderator and an ordinary member. */
async function staffedCommunity() {
  const community = await freshCommunity();
  const admin = await plainUser();
  const moderator = await plainUser();
  const member = await plainUser();
  const adminId = await addMember(community.id, admin.userId, 'admin');
  const moderatorId = await addMember(community.id, moderator.userId, 'moderator');
  const memberId = await addMember(community.id, member.userId);
  return { community, admin, adminId, moderator, moderatorId, member, memberId };
}

describe('updateMember', () => {
  it('rejects bad input with the field paths', async () => {
    const { community, admin, memberId } = await staffedCommunity();
    const ctx = await ctxFor(admin);
    await expectAppError(
      updateMember({ ctx, community: community.id, memberId, input: { role: 'king' } }),
      'validation_failed',
      '/role',
    );
    await expectAppError(
      updateMember({ ctx, community: community.id, memberId, input: { status: 'banned', pseudonym: 'x' } }),
      'validation_failed',
      '/pseudonym',
    );
    await expectAppError(
      updateMember({ ctx, community: community.id, memberId, input: {} }),
      'validation_failed',
    );
  });

  it('reports an unknown member, or another community’s member, as not found', async () => {
    const { community, admin } = await staffedCommunity();
    const other = await staffedCommunity();
    const ctx = await ctxFor(admin);
    for (const memberId of [newId(), other.memberId, 'not-a-uuid']) {
      await expectAppError(
        updateMember({ ctx, community: community.id, memberId, input: { role: 'expert' } }),
        'not_found',
      );
    }
    await expectAppError(
      updateMember({
        ctx,
        community: 'unknown-community',
        memberId: other.memberId,
        input: { role: 'expert' },
      }),
      'not_found',
    );
  });

  it('refuses anonymous visitors, outsiders, members, and moderators changing roles', async () => {
    const { community, moderator, member, memberId, adminId } = await staffedCommunity();
    const input = { role: 'expert' };
    await expectAppError(
      updateMember({ ctx: await ctxFor(null), community: community.id, memberId, input }),
      'unauthenticated',
    );
    for (const user of [await plainUser(), member, moderator]) {
      await expectAppError(
        updateMember({ ctx: await ctxFor(user), community: community.id, memberId, input }),
        'forbidden',
      );
    }
    await expectAppError(
      updateMember({
        ctx: await ctxFor(member),
        community: community.id,
        memberId: adminId,
        input: { status: 'suspended' },
      }),
      'forbidden',
    );
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('lets nobody change their own role or status', async () => {
    const { community, admin, adminId, moderator, moderatorId } = await staffedCommunity();
    await addMember(community.id, (await plainUser()).userId, 'admin');
    await expectAppError(
      updateMember({
        ctx: await ctxFor(admin),
        community: community.id,
        memberId: adminId,
        input: { role: 'member' },
      }),
      'forbidden',
    );
    await expectAppError(
      updateMember({
        ctx: await ctxFor(moderator),
        community: community.id,
        memberId: moderatorId,
        input: { status: 'suspended' },
      }),
      'forbidden',
    );
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('refuses to demote or suspend the last active admin (conflict)', async () => {
    const { community, adminId } = await staffedCommunity();
    const platform = await ctxFor(await plainUser({ platformAdmin: true }));
    await expectAppError(
      updateMember({
        ctx: platform,
        community: community.id,
        memberId: adminId,
        input: { role: 'moderator' },
      }),
      'conflict',
    );
    await expectAppError(
      updateMember({
        ctx: platform,
        community: community.id,
        memberId: adminId,
        input: { status: 'suspended' },
      }),
      'conflict',
    );
    expect(await outboxEventsOf(community.id)).toEqual([]);
    expect(await auditRowsOf(community.id)).toEqual([]);
  });

  it('lets an admin change a role: member.role_changed and an audit row', async () => {
    const { community, admin, member, memberId } = await staffedCommunity();
    const updated = await updateMember({
      ctx: await ctxFor(admin),
      community: community.slug,
      memberId,
      input: { role: 'expert' },
    });
    expect(updated).toMatchObject({ id: memberId, role: 'expert', status: 'active' });
    const events = await outboxEventsOf(community.id);
    expect(events).toEqual([
      {
        type: 'member.role_changed',
        payload: {
          communityId: community.id,
          memberId,
          pseudonym: expect.any(String) as unknown,
          from: 'member',
          to: 'expert',
        },
        actor: admin.userId,
      },
    ]);
    expect(await auditRowsOf(community.id)).toEqual([
      {
        action: 'member.update',
        actor_user_id: admin.userId,
        target_type: 'membership',
        target_id: memberId,
        data: { from: { role: 'member', status: 'active' }, to: { role: 'expert' } },
      },
    ]);
    expect(member.userId).not.toBe(admin.userId);
  });

  it('lets a moderator approve a pending member: member.status_changed', async () => {
    const { community, moderator } = await staffedCommunity();
    const pendingId = await addMember(community.id, (await plainUser()).userId, 'member', 'pending');
    const updated = await updateMember({
      ctx: await ctxFor(moderator),
      community: community.id,
      memberId: pendingId,
      input: { status: 'active' },
    });
    expect(updated.status).toBe('active');
    const events = await outboxEventsOf(community.id);
    expect(events.map((e) => [e.type, e.payload.from, e.payload.to])).toEqual([
      ['member.status_changed', 'pending', 'active'],
    ]);
    expect((await auditRowsOf(community.id)).map((a) => a.action)).toEqual(['member.update']);
  });

  it('lets a platform admin demote an admin when another admin remains', async () => {
    const { community, adminId } = await staffedCommunity();
    await addMember(community.id, (await plainUser()).userId, 'admin');
    const updated = await updateMember({
      ctx: await ctxFor(await plainUser({ platformAdmin: true })),
      community: community.id,
      memberId: adminId,
      input: { role: 'member' },
    });
    expect(updated.role).toBe('member');
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toEqual(['member.role_changed']);
  });

  it('refuses a moderator acting on other staff: suspending an admin or a moderator is forbidden', async () => {
    const { community, moderator, adminId } = await staffedCommunity();
    const otherModeratorId = await addMember(community.id, (await plainUser()).userId, 'moderator');
    const ctx = await ctxFor(moderator);
    for (const memberId of [adminId, otherModeratorId]) {
      await expectAppError(
        updateMember({ ctx, community: community.id, memberId, input: { status: 'suspended' } }),
        'forbidden',
      );
    }
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('refuses to approve a pending member when the community is full (conflict), and changes nothing', async () => {
    const community = await freshCommunity({ member_cap: 2 });
    const admin = await plainUser();
    await addMember(community.id, admin.userId, 'admin');
    await addMember(community.id, (await plainUser()).userId);
    const pendingId = await addMember(community.id, (await plainUser()).userId, 'member', 'pending');
    await expectAppError(
      updateMember({
        ctx: await ctxFor(admin),
        community: community.id,
        memberId: pendingId,
        input: { status: 'active' },
      }),
      'conflict',
    );
    const { kernel } = await import('../../../../test/helpers.ts').then((h) => h.testApp());
    const row = await kernel.db
      .selectFrom('memberships')
      .select('status')
      .where('id', '=', pendingId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
  });
});
