import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, ctxFor, expectAppError, freshCommunity, plainUser } from '../../../../test/helpers.ts';
import { supportCommunity } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { getSupportSettings } from './get-support-settings.ts';
import { updateSupportSettings } from './update-support-settings.ts';

// Start the worker's kernel (and its migrations) under the hook timeout, not the first test's.
beforeAll(async () => {
  await testApp();
});

describe('getSupportSettings', () => {
  it('reports unknown communities, and hidden ones to outsiders, as not found', async () => {
    const ctx = await ctxFor(await plainUser());
    await expectAppError(getSupportSettings({ ctx, community: newId() }), 'not_found');
    const hidden = await freshCommunity({ visibility: 'hidden' });
    await expectAppError(getSupportSettings({ ctx, community: hidden.slug }), 'not_found');
  });

  it('is for the community’s admins and platform admins only', async () => {
    const { community, member, expert, moderator, observer } = await supportCommunity();
    const foreign = await supportCommunity();
    await expectAppError(
      getSupportSettings({ ctx: await ctxFor(null), community: community.id }),
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
        getSupportSettings({ ctx: await ctxFor(user), community: community.id }),
        'forbidden',
      );
    }
  });

  it('returns the defaults until changed, then the saved values', async () => {
    const { community, admin } = await supportCommunity();
    const ctx = await ctxFor(admin.user);
    expect(await getSupportSettings({ ctx, community: community.slug })).toEqual({
      caseEscalationHours: 48,
      solutionReminderHours: 72,
      contactCostCents: 1500,
      currency: 'EUR',
      burstPosts: 5,
      burstSeconds: 30,
      hourlyPosts: 50,
      newcomerPremoderation: false,
      newcomerDays: 3,
      newcomerPosts: 3,
    });
    await updateSupportSettings({
      ctx,
      community: community.id,
      input: { hourlyPosts: 20, currency: 'CHF' },
    });
    const platformAdmin = await ctxFor(await plainUser({ platformAdmin: true }));
    expect(await getSupportSettings({ ctx: platformAdmin, community: community.id })).toMatchObject({
      hourlyPosts: 20,
      currency: 'CHF',
      burstPosts: 5,
    });
  });
});
