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
import { loadSupportSettings } from '../../support/support-settings.ts';
import { updateSupportSettings } from './update-support-settings.ts';

async function settingsOf(communityId: string) {
  const { kernel } = await testApp();
  return loadSupportSettings(kernel.db, communityId);
}

// Start the worker's kernel (and its migrations) under the hook timeout, not the first test's.
beforeAll(async () => {
  await testApp();
});

describe('updateSupportSettings', () => {
  it('rejects values outside the database’s bounds with one error per field, changing nothing', async () => {
    const { community, admin } = await supportCommunity();
    const ctx = await ctxFor(admin.user);
    const error = await expectAppError(
      updateSupportSettings({
        ctx,
        community: community.id,
        input: {
          caseEscalationHours: -1,
          solutionReminderHours: 2161,
          contactCostCents: 100_000_001,
          currency: 'eur',
          burstPosts: 0,
          burstSeconds: 3601,
          hourlyPosts: 1.5,
          newcomerPremoderation: 'yes',
          newcomerDays: 366,
          newcomerPosts: 1001,
          colour: 'red',
        },
      }),
      'validation_failed',
    );
    expect(error.fields.map((f) => [f.path, f.key]).sort()).toEqual(
      [
        ['/caseEscalationHours', 'validation.tooSmall'],
        ['/solutionReminderHours', 'validation.tooLarge'],
        ['/contactCostCents', 'validation.tooLarge'],
        ['/currency', 'moderation.currencyFormat'],
        ['/burstPosts', 'validation.tooSmall'],
        ['/burstSeconds', 'validation.tooLarge'],
        ['/hourlyPosts', 'validation.notInteger'],
        ['/newcomerPremoderation', 'validation.invalidType'],
        ['/newcomerDays', 'validation.tooLarge'],
        ['/newcomerPosts', 'validation.tooLarge'],
        ['/colour', 'validation.unknownField'],
      ].sort(),
    );
    expect(await settingsOf(community.id)).toMatchObject({ burstPosts: 5, currency: 'EUR' });
    expect(await auditRowsOf(community.id)).toEqual([]);
  });

  it('reports unknown communities as not found', async () => {
    await expectAppError(
      updateSupportSettings({
        ctx: await ctxFor(await plainUser({ platformAdmin: true })),
        community: newId(),
        input: { burstPosts: 3 },
      }),
      'not_found',
    );
  });

  it('is for the community’s admins and platform admins only', async () => {
    const { community, member, expert, moderator, observer } = await supportCommunity();
    const foreign = await supportCommunity();
    const input = { burstPosts: 2 };
    await expectAppError(
      updateSupportSettings({ ctx: await ctxFor(null), community: community.id, input }),
      'unauthenticated',
    );
    for (const user of [
      await plainUser(),
      member.user,
      expert.user,
      moderator.user,
      observer.user,
      foreign.admin.user,
    ]) {
      await expectAppError(
        updateSupportSettings({ ctx: await ctxFor(user), community: community.id, input }),
        'forbidden',
      );
    }
    expect((await settingsOf(community.id)).burstPosts).toBe(5);
  });

  it('saves the fields given, audits what changed and emits support_settings.updated', async () => {
    const { community, admin } = await supportCommunity();
    const ctx = await ctxFor(admin.user);
    const saved = await updateSupportSettings({
      ctx,
      community: community.slug,
      input: {
        burstPosts: 3,
        burstSeconds: 60,
        newcomerPremoderation: true,
        contactCostCents: 0,
        currency: 'USD',
      },
    });
    expect(saved).toEqual({
      caseEscalationHours: 48,
      solutionReminderHours: 72,
      contactCostCents: 0,
      currency: 'USD',
      burstPosts: 3,
      burstSeconds: 60,
      hourlyPosts: 50,
      newcomerPremoderation: true,
      newcomerDays: 3,
      newcomerPosts: 3,
    });
    expect(await settingsOf(community.id)).toEqual(saved);
    // The same values again change nothing: no audit row, no event.
    await updateSupportSettings({ ctx, community: community.id, input: { burstPosts: 3 } });
    await updateSupportSettings({
      ctx: await ctxFor(await plainUser({ platformAdmin: true })),
      community: community.id,
      input: { caseEscalationHours: 0 },
    });
    expect((await auditRowsOf(community.id)).map((r) => [r.action, r.data])).toEqual([
      [
        'support_settings.update',
        {
          from: {
            burstPosts: 5,
            burstSeconds: 30,
            newcomerPremoderation: false,
            contactCostCents: 1500,
            currency: 'EUR',
          },
          to: {
            burstPosts: 3,
            burstSeconds: 60,
            newcomerPremoderation: true,
            contactCostCents: 0,
            currency: 'USD',
          },
        },
      ],
      ['support_settings.update', { from: { caseEscalationHours: 48 }, to: { caseEscalationHours: 0 } }],
    ]);
    expect(await outboxEventsOf(community.id)).toEqual([
      {
        type: 'support_settings.updated',
        actor: admin.user.userId,
        payload: {
          communityId: community.id,
          changed: ['burstPosts', 'burstSeconds', 'newcomerPremoderation', 'contactCostCents', 'currency'],
        },
      },
      expect.objectContaining({
        type: 'support_settings.updated',
        payload: { communityId: community.id, changed: ['caseEscalationHours'] },
      }),
    ]);
  });
});
