import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditRowsOf,
  ctxFor,
  expectAppError,
  outboxEventsOf,
  plainUser,
  testApp,
} from '../../../../test/helpers.ts';
import { supportCommunity } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { createBadge } from './create-badge.ts';
import { listBadges } from './list-badges.ts';

beforeAll(async () => {
  await testApp();
});

describe('createBadge and listBadges', () => {
  it('needs a name, unique whatever its case', async () => {
    const { community, admin } = await supportCommunity();
    const ctx = await ctxFor(admin.user);
    await expectAppError(
      createBadge({ ctx, community: community.id, input: { name: '  ' } }),
      'validation_failed',
      '/name',
    );
    await createBadge({ ctx, community: community.id, input: { name: 'Helper' } });
    const error = await expectAppError(
      createBadge({ ctx, community: community.id, input: { name: 'helper' } }),
      'validation_failed',
      '/name',
    );
    expect(error.fields[0].key).toBe('points.validation.badgeTaken');
  });

  it('reports unknown communities as not found', async () => {
    const ctx = await ctxFor(await plainUser({ platformAdmin: true }));
    await expectAppError(createBadge({ ctx, community: newId(), input: { name: 'A' } }), 'not_found');
    await expectAppError(listBadges({ ctx, community: newId() }), 'not_found');
  });

  it('is for admins; members read the badges', async () => {
    const { community, member, moderator } = await supportCommunity();
    for (const user of [await plainUser(), member.user, moderator.user])
      await expectAppError(
        createBadge({ ctx: await ctxFor(user), community: community.id, input: { name: 'A' } }),
        'forbidden',
      );
    await expectAppError(
      listBadges({ ctx: await ctxFor(await plainUser()), community: community.id }),
      'forbidden',
    );
  });

  it('creates a badge, audited and emitted, listed with its holders', async () => {
    const { community, admin, member } = await supportCommunity();
    const badge = await createBadge({
      ctx: await ctxFor(admin.user),
      community: community.slug,
      input: { name: ' Event host ', description: 'Ran a meetup' },
    });
    expect(badge).toMatchObject({
      rule: null,
      name: 'Event host',
      description: 'Ran a meetup',
      holdersCount: 0,
    });
    const list = await listBadges({ ctx: await ctxFor(member.user), community: community.id });
    expect(list.items.map((b) => b.id)).toEqual([badge.id]);
    expect((await auditRowsOf(community.id)).map((r) => r.action)).toEqual(['badge.create']);
    expect(await outboxEventsOf(community.id)).toEqual([
      {
        type: 'badge.created',
        actor: admin.user.userId,
        payload: { communityId: community.id, badgeId: badge.id },
      },
    ]);
  });
});
