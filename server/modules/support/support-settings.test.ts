import { describe, expect, it } from 'vitest';
import { freshCommunity, testApp } from '../../../test/helpers.ts';
import { DEFAULT_SUPPORT_SETTINGS, loadSupportSettings } from './support-settings.ts';

describe('loadSupportSettings', () => {
  it('answers the defaults for a community without settings', async () => {
    const { kernel } = await testApp();
    const community = await freshCommunity();
    expect(await loadSupportSettings(kernel.db, community.id)).toEqual(DEFAULT_SUPPORT_SETTINGS);
  });

  it('declares the same defaults as the database columns, and reads a stored row', async () => {
    const { kernel } = await testApp();
    const community = await freshCommunity();
    await kernel.db.insertInto('support_settings').values({ community_id: community.id }).execute();
    expect(await loadSupportSettings(kernel.db, community.id)).toEqual(DEFAULT_SUPPORT_SETTINGS);
    await kernel.db
      .updateTable('support_settings')
      .set({ burst_posts: 2, newcomer_premoderation: true, currency: 'CHF' })
      .where('community_id', '=', community.id)
      .execute();
    expect(await loadSupportSettings(kernel.db, community.id)).toMatchObject({
      burstPosts: 2,
      newcomerPremoderation: true,
      currency: 'CHF',
    });
  });
});
