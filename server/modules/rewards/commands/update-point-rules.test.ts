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
import { loadPointRules, loadRewardsSettings } from '../points.repository.ts';
import { listPointRules } from './list-point-rules.ts';
import { updatePointRules } from './update-point-rules.ts';

beforeAll(async () => {
  await testApp();
});

const rule = (action: string, points: number, dailyCap: number | null = null, enabled = true) => ({
  action,
  points,
  dailyCap,
  enabled,
});

describe('updatePointRules and listPointRules', () => {
  it('refuses negative or absurd amounts, unknown actions and duplicates, changing nothing', async () => {
    const { community, admin } = await supportCommunity();
    const ctx = await ctxFor(admin.user);
    const error = await expectAppError(
      updatePointRules({
        ctx,
        community: community.id,
        input: {
          rules: [
            rule('reply.posted', -1),
            rule('topic.posted', 10001),
            rule('nap.taken', 1),
            rule('kudos.received', 1, 0),
          ],
          settings: { reviewHours: 2161, burstPoints: 0 },
        },
      }),
      'validation_failed',
    );
    expect(error.fields.map((f) => f.path).sort()).toEqual(
      [
        '/rules/0/points',
        '/rules/1/points',
        '/rules/2/action',
        '/rules/3/dailyCap',
        '/settings/reviewHours',
        '/settings/burstPoints',
      ].sort(),
    );
    await expectAppError(
      updatePointRules({
        ctx,
        community: community.id,
        input: { rules: [rule('reply.posted', 1), rule('reply.posted', 2)] },
      }),
      'validation_failed',
      '/rules/1/action',
    );
    const { kernel } = await testApp();
    expect(
      (await loadPointRules(kernel.db, community.id)).find((r) => r.action === 'reply.posted')?.points,
    ).toBe(2);
  });

  it('reports unknown communities as not found', async () => {
    const ctx = await ctxFor(await plainUser({ platformAdmin: true }));
    await expectAppError(updatePointRules({ ctx, community: newId(), input: {} }), 'not_found');
    await expectAppError(listPointRules({ ctx, community: newId() }), 'not_found');
  });

  it('lets admins change the rules, members read them, others neither', async () => {
    const { community, member, moderator, observer } = await supportCommunity();
    const input = { rules: [rule('reply.posted', 3)] };
    await expectAppError(
      updatePointRules({ ctx: await ctxFor(null), community: community.id, input }),
      'unauthenticated',
    );
    for (const user of [await plainUser(), member.user, moderator.user, observer.user])
      await expectAppError(
        updatePointRules({ ctx: await ctxFor(user), community: community.id, input }),
        'forbidden',
      );
    await expectAppError(
      listPointRules({ ctx: await ctxFor(null), community: community.id }),
      'unauthenticated',
    );
    await expectAppError(
      listPointRules({ ctx: await ctxFor(await plainUser()), community: community.id }),
      'forbidden',
    );
  });

  it('saves what changed, audits it, emits point_rules.updated; members see enabled rules only', async () => {
    const { community, admin, member } = await supportCommunity();
    const ctx = await ctxFor(admin.user);
    const saved = await updatePointRules({
      ctx,
      community: community.slug,
      input: {
        rules: [
          rule('reply.posted', 3, 30),
          rule('topic.posted', 1, 10, false),
          rule('solution.accepted', 15, 150),
        ],
        settings: { reviewHours: 24, pairDailyCap: 72 },
      },
    });
    expect(saved.rules.find((r) => r.action === 'reply.posted')).toEqual({
      action: 'reply.posted',
      points: 3,
      dailyCap: 30,
      enabled: true,
      declaredAmount: false,
    });
    expect(saved.settings).toEqual({ reviewHours: 24, pairDailyCap: 72, burstPoints: 200 });
    const { kernel } = await testApp();
    expect(await loadRewardsSettings(kernel.db, community.id)).toEqual({
      reviewHours: 24,
      pairDailyCap: 72,
      burstPoints: 200,
    });
    // The same values again change nothing.
    await updatePointRules({ ctx, community: community.id, input: { rules: [rule('reply.posted', 3, 30)] } });
    expect((await auditRowsOf(community.id)).map((r) => [r.action, r.data])).toEqual([
      [
        'point_rules.update',
        {
          rules: [
            { action: 'reply.posted', points: 3, dailyCap: 30, enabled: true },
            { action: 'topic.posted', points: 1, dailyCap: 10, enabled: false },
          ],
          settings: { reviewHours: 24, pairDailyCap: 72 },
        },
      ],
    ]);
    expect(await outboxEventsOf(community.id)).toEqual([
      {
        type: 'point_rules.updated',
        actor: admin.user.userId,
        payload: {
          communityId: community.id,
          actions: ['reply.posted', 'topic.posted'],
          settings: ['reviewHours', 'pairDailyCap'],
        },
      },
    ]);
    const seen = await listPointRules({ ctx: await ctxFor(member.user), community: community.id });
    expect(seen.rules.map((r) => r.action)).not.toContain('topic.posted');
    expect(seen.settings).toEqual({ reviewHours: 24, pairDailyCap: null, burstPoints: null });
    expect(seen.abilities).toMatchObject({ viewPoints: true, holdPoints: true, managePoints: false });
  });
});
