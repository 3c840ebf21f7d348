import { describe, expect, it } from 'vitest';
import { addMember, ctxFor, expectAppError, freshCommunity, plainUser } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { encodeCursor } from '../../../platform/http/pagination.ts';
import { joinCommunity } from './join-community.ts';
import { listMembers } from './list-members.ts';

describe('listMembers', () => {
  it('rejects a malformed cursor', async () => {
    const community = await freshCommunity();
    const ctx = await ctxFor(null);
    await expectAppError(
      listMembers({ ctx, community: community.id, query: { cursor: '%%%' } }),
      'bad_request',
    );
    await expectAppError(
      listMembers({ ctx, community: community.id, query: { cursor: encodeCursor(['a', 'b', 'c']) } }),
      'bad_request',
    );
    // Well-formed but forged: the parts must be a timestamp and a UUID, never raw SQL input.
    await expectAppError(
      listMembers({ ctx, community: community.id, query: { cursor: encodeCursor(['yesterday', 'x']) } }),
      'bad_request',
    );
  });

  it('reports an unknown community, or a hidden one to outsiders, as not found', async () => {
    const ctx = await ctxFor(await plainUser());
    await expectAppError(listMembers({ ctx, community: newId(), query: {} }), 'not_found');
    const hidden = await freshCommunity({ visibility: 'hidden' });
    await expectAppError(listMembers({ ctx, community: hidden.slug, query: {} }), 'not_found');
  });

  it('refuses a private community’s directory to anonymous visitors and non-members', async () => {
    const priv = await freshCommunity({ visibility: 'private' });
    await addMember(priv.id, (await plainUser()).userId);
    await expectAppError(
      listMembers({ ctx: await ctxFor(null), community: priv.id, query: {} }),
      'unauthenticated',
    );
    await expectAppError(
      listMembers({ ctx: await ctxFor(await plainUser()), community: priv.id, query: {} }),
      'forbidden',
    );
    const member = await plainUser();
    await addMember(priv.id, member.userId);
    const page = await listMembers({ ctx: await ctxFor(member), community: priv.id, query: {} });
    expect(page.items).toHaveLength(2);
  });

  it('lists active members to readers, and pending or suspended ones only to managers', async () => {
    const community = await freshCommunity();
    const active = await addMember(community.id, (await plainUser()).userId);
    const pending = await addMember(community.id, (await plainUser()).userId, 'member', 'pending');
    const suspended = await addMember(community.id, (await plainUser()).userId, 'member', 'suspended');
    const moderator = await plainUser();
    const moderatorId = await addMember(community.id, moderator.userId, 'moderator');

    const anonymous = await listMembers({ ctx: await ctxFor(null), community: community.id, query: {} });
    expect(anonymous.items.map((m) => m.id)).toEqual([active, moderatorId]);
    const asPending = await listMembers({
      ctx: await ctxFor(null),
      community: community.id,
      query: { status: 'pending' },
    });
    expect(asPending.items).toEqual([]);

    const staff = await ctxFor(moderator);
    const all = await listMembers({ ctx: staff, community: community.id, query: {} });
    expect(all.items.map((m) => m.id)).toEqual([active, pending, suspended, moderatorId]);
    const onlyPending = await listMembers({
      ctx: staff,
      community: community.id,
      query: { status: 'pending' },
    });
    expect(onlyPending.items.map((m) => m.id)).toEqual([pending]);
    const moderators = await listMembers({
      ctx: staff,
      community: community.id,
      query: { role: 'moderator' },
    });
    expect(moderators.items.map((m) => m.id)).toEqual([moderatorId]);
  });

  it('pages oldest first with a cursor and searches pseudonyms ignoring case and accents', async () => {
    const community = await freshCommunity();
    for (const pseudonym of ['Éloïse', 'Eliott', 'Zacharie']) {
      await joinCommunity({
        ctx: await ctxFor(await plainUser()),
        community: community.id,
        input: { pseudonym },
      });
    }
    const ctx = await ctxFor(null);
    const first = await listMembers({ ctx, community: community.id, query: { limit: 2 } });
    expect(first.items.map((m) => m.pseudonym)).toEqual(['Éloïse', 'Eliott']);
    const second = await listMembers({
      ctx,
      community: community.id,
      query: { limit: 2, cursor: first.nextCursor! },
    });
    expect(second.items.map((m) => m.pseudonym)).toEqual(['Zacharie']);
    expect(second.nextCursor).toBeNull();
    const found = await listMembers({ ctx, community: community.id, query: { q: 'ELOI' } });
    expect(found.items.map((m) => m.pseudonym)).toEqual(['Éloïse']);
  });
});
