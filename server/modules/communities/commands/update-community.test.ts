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
import { updateCommunity } from './update-community.ts';

describe('updateCommunity', () => {
  it('rejects bad input with the field paths', async () => {
    const community = await freshCommunity();
    const ctx = await ctxFor(await plainUser({ platformAdmin: true }));
    const error = await expectAppError(
      updateCommunity({
        ctx,
        community: community.slug,
        input: { accentColor: 'blue', visibility: 'secret', memberCap: -5 },
      }),
      'validation_failed',
    );
    expect(error.fields.map((f) => f.path).sort()).toEqual(['/accentColor', '/memberCap', '/visibility']);
  });

  it('reports an unknown community, and a hidden one to outsiders, as not found', async () => {
    const outsider = await ctxFor(await plainUser());
    await expectAppError(updateCommunity({ ctx: outsider, community: 'nope-nope', input: {} }), 'not_found');
    const hidden = await freshCommunity({ visibility: 'hidden' });
    await expectAppError(
      updateCommunity({ ctx: outsider, community: hidden.id, input: { name: 'Taken over' } }),
      'not_found',
    );
  });

  it('refuses anonymous visitors, outsiders and every role but admin', async () => {
    const community = await freshCommunity();
    const input = { name: 'Renamed' };
    await expectAppError(
      updateCommunity({ ctx: await ctxFor(null), community: community.id, input }),
      'unauthenticated',
    );
    await expectAppError(
      updateCommunity({ ctx: await ctxFor(await plainUser()), community: community.id, input }),
      'forbidden',
    );
    for (const role of ['member', 'expert', 'moderator', 'observer'] as const) {
      const user = await plainUser();
      await addMember(community.id, user.userId, role);
      await expectAppError(
        updateCommunity({ ctx: await ctxFor(user), community: community.id, input }),
        'forbidden',
      );
    }
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('lets a community admin change settings, emitting community.updated and an audit row', async () => {
    const community = await freshCommunity();
    const admin = await plainUser();
    await addMember(community.id, admin.userId, 'admin');
    const updated = await updateCommunity({
      ctx: await ctxFor(admin),
      community: community.slug,
      input: { name: ' New name ', primaryColor: '#ABCDEF', joinPolicy: 'approval' },
    });
    expect(updated).toMatchObject({
      id: community.id,
      name: 'New name',
      primaryColor: '#abcdef',
      joinPolicy: 'approval',
      membersCount: 1,
    });
    const changed = ['name', 'join_policy', 'primary_color'];
    expect(await outboxEventsOf(community.id)).toEqual([
      {
        type: 'community.updated',
        payload: { communityId: community.id, slug: community.slug, changed },
        actor: admin.userId,
      },
    ]);
    const audit = await auditRowsOf(community.id);
    expect(audit).toEqual([
      {
        action: 'community.update',
        actor_user_id: admin.userId,
        target_type: 'community',
        target_id: community.id,
        data: { changed },
      },
    ]);
  });

  it('lets a platform admin change settings; an empty change writes nothing', async () => {
    const community = await freshCommunity();
    const ctx = await ctxFor(await plainUser({ platformAdmin: true }));
    const same = await updateCommunity({ ctx, community: community.id, input: {} });
    expect(same.id).toBe(community.id);
    expect(await outboxEventsOf(community.id)).toEqual([]);
    await updateCommunity({
      ctx,
      community: community.id,
      input: { memberCap: null, visibility: 'private' },
    });
    const events = await outboxEventsOf(community.id);
    expect(events.map((e) => e.payload.changed)).toEqual([['visibility', 'member_cap']]);
  });

  it('reports a slug used by another community on /slug', async () => {
    const [a, b] = [await freshCommunity(), await freshCommunity()];
    const ctx = await ctxFor(await plainUser({ platformAdmin: true }));
    const error = await expectAppError(
      updateCommunity({ ctx, community: a.id, input: { slug: b.slug } }),
      'validation_failed',
      '/slug',
    );
    expect(error.fields[0]?.key).toBe('validation.slugTaken');
    expect(await outboxEventsOf(a.id)).toEqual([]);
  });
});
