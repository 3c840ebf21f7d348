import { beforeAll, describe, expect, it } from 'vitest';
import { auditRowsOf, ctxFor, expectAppError, outboxEventsOf, testApp } from '../../../../test/helpers.ts';
import { researchCommunity } from '../../../../test/research-fixtures.ts';
import { getPanelSettings } from './get-panel-settings.ts';
import { updatePanelSettings } from './update-panel-settings.ts';

beforeAll(() => testApp(), 180_000);

describe('getPanelSettings and updatePanelSettings', () => {
  it('rejects out-of-range settings with their paths, changing nothing', async () => {
    const f = await researchCommunity();
    const ctx = await ctxFor(f.admin.user);
    const update = (input: unknown) => updatePanelSettings({ ctx, community: f.community.slug, input });
    await expectAppError(update({ probationDays: 0 }), 'validation_failed', '/probationDays');
    await expectAppError(update({ reviewThreshold: 101 }), 'validation_failed', '/reviewThreshold');
    await expectAppError(update({ speedingPercent: 95 }), 'validation_failed', '/speedingPercent');
    await expectAppError(update({ colour: 'red' }), 'validation_failed');
    expect(await outboxEventsOf(f.community.id)).toEqual([]);
  });

  it('does not find an unknown community', async () => {
    const f = await researchCommunity();
    await expectAppError(
      getPanelSettings({ ctx: await ctxFor(f.admin.user), community: 'no-such-community-here' }),
      'not_found',
    );
  });

  it('lets moderators read but only admins change; members and observers neither', async () => {
    const f = await researchCommunity();
    await getPanelSettings({ ctx: await ctxFor(f.moderator.user), community: f.community.slug });
    await expectAppError(
      updatePanelSettings({
        ctx: await ctxFor(f.moderator.user),
        community: f.community.slug,
        input: { probationDays: 5 },
      }),
      'forbidden',
    );
    for (const who of [f.member, f.observer])
      await expectAppError(
        getPanelSettings({ ctx: await ctxFor(who.user), community: f.community.slug }),
        'forbidden',
      );
  });

  it('starts from the defaults, keeps what is not sent, emits and audits', async () => {
    const f = await researchCommunity();
    const ctx = await ctxFor(f.admin.user);
    expect(await getPanelSettings({ ctx, community: f.community.slug })).toEqual({
      probationActivities: 3,
      probationDays: 30,
      reviewThreshold: 50,
      speedingPercent: 33,
      dormantDays: 90,
    });
    await updatePanelSettings({ ctx, community: f.community.slug, input: { probationDays: 14 } });
    const next = await updatePanelSettings({
      ctx,
      community: f.community.slug,
      input: { reviewThreshold: 60 },
    });
    expect(next).toEqual({
      probationActivities: 3,
      probationDays: 14,
      reviewThreshold: 60,
      speedingPercent: 33,
      dormantDays: 90,
    });
    expect(await getPanelSettings({ ctx, community: f.community.slug })).toEqual(next);
    expect((await outboxEventsOf(f.community.id)).map((e) => [e.type, e.payload.changed])).toEqual([
      ['panel_settings.updated', ['probationDays']],
      ['panel_settings.updated', ['reviewThreshold']],
    ]);
    expect((await auditRowsOf(f.community.id)).map((a) => a.action)).toEqual([
      'panel_settings.update',
      'panel_settings.update',
    ]);
  });
});
