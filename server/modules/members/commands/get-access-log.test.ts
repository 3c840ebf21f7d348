import { describe, expect, it } from 'vitest';
import { addMember, ctxFor, expectAppError, freshCommunity, plainUser } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { getAccessLog } from './get-access-log.ts';
import { getMemberIdentity } from './get-member-identity.ts';

describe('getAccessLog', () => {
  it('rejects a malformed cursor', async () => {
    const community = await freshCommunity();
    const ctx = await ctxFor(await plainUser({ platformAdmin: true }));
    await expectAppError(getAccessLog({ ctx, community: community.id, cursor: '!!' }), 'bad_request');
  });

  it('reports an unknown community, or a hidden one to outsiders, as not found', async () => {
    const ctx = await ctxFor(await plainUser());
    await expectAppError(getAccessLog({ ctx, community: newId() }), 'not_found');
    const hidden = await freshCommunity({ visibility: 'hidden' });
    await expectAppError(getAccessLog({ ctx, community: hidden.slug }), 'not_found');
  });

  it('is refused to anonymous visitors and to everyone but community and platform admins', async () => {
    const community = await freshCommunity();
    await expectAppError(
      getAccessLog({ ctx: await ctxFor(null), community: community.id }),
      'unauthenticated',
    );
    await expectAppError(
      getAccessLog({ ctx: await ctxFor(await plainUser()), community: community.id }),
      'forbidden',
    );
    for (const role of ['member', 'expert', 'moderator', 'observer'] as const) {
      const user = await plainUser();
      await addMember(community.id, user.userId, role);
      await expectAppError(getAccessLog({ ctx: await ctxFor(user), community: community.id }), 'forbidden');
    }
  });

  it('lists identity reads newest first, with who read whom, one page at a time', async () => {
    const community = await freshCommunity();
    const admin = await plainUser({ name: 'Admin Person' });
    await addMember(community.id, admin.userId, 'admin');
    const a = await addMember(community.id, (await plainUser()).userId);
    const b = await addMember(community.id, (await plainUser()).userId);
    const platform = await plainUser({ platformAdmin: true, name: 'Platform Person' });
    await getMemberIdentity({
      ctx: await ctxFor(admin),
      community: community.id,
      memberId: a,
      purpose: 'first',
    });
    await getMemberIdentity({ ctx: await ctxFor(platform), community: community.id, memberId: b });

    const page = await getAccessLog({ ctx: await ctxFor(admin), community: community.slug });
    expect(page.items).toHaveLength(2);
    expect(page.items[0]).toMatchObject({
      actor: { userId: platform.userId, name: 'Platform Person', pseudonym: null },
      subject: { memberId: b },
      purpose: 'profile',
      fields: ['name', 'email', 'phone'],
    });
    expect(page.items[1]).toMatchObject({
      actor: { userId: admin.userId, name: 'Admin Person', pseudonym: expect.any(String) as unknown },
      subject: { memberId: a },
      purpose: 'first',
    });
    const first = await getAccessLog({ ctx: await ctxFor(platform), community: community.id, limit: 1 });
    expect(first.items.map((e) => e.subject.memberId)).toEqual([b]);
    const second = await getAccessLog({
      ctx: await ctxFor(platform),
      community: community.id,
      limit: 1,
      cursor: first.nextCursor!,
    });
    expect(second.items.map((e) => e.subject.memberId)).toEqual([a]);
    expect(second.nextCursor).toBeNull();
  });
});
