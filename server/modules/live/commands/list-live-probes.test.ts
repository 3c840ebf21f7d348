import { beforeAll, describe, expect, it } from 'vitest';
import { liveCommunity } from '../../../../test/live-fixtures.ts';
import { ctxFor, expectAppError, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { createLiveProbe } from './create-live-probe.ts';
import { listLiveProbes } from './list-live-probes.ts';

beforeAll(() => testApp(), 180_000);

describe('listLiveProbes', () => {
  it('rejects bad input', async () => {
    const { community, moderator } = await liveCommunity();
    await expectAppError(
      listLiveProbes({
        ctx: await ctxFor(moderator.user),
        community: community.slug,
        query: { q: 'x'.repeat(201) },
      }),
      'validation_failed',
      '/q',
    );
  });

  it('reports an unknown community as not found and refuses members, observers and strangers', async () => {
    const { community, moderator, observer, alice, foreign } = await liveCommunity();
    await expectAppError(
      listLiveProbes({ ctx: await ctxFor(moderator.user), community: 'no-such-community', query: {} }),
      'not_found',
    );
    // A moderator of another community is a stranger to this private one.
    for (const user of [observer.user, alice.user, foreign.user])
      await expectAppError(
        listLiveProbes({ ctx: await ctxFor(user), community: community.slug, query: {} }),
        'forbidden',
      );
  });

  it('lists the community’s probes newest first, searched by words and tags, and no other community’s', async () => {
    const { community, moderator, admin } = await liveCommunity();
    const other = await liveCommunity();
    const ctx = await ctxFor(moderator.user);
    const input = (body: string, tags: string[] = []) => ({
      ctx,
      community: community.slug,
      input: { body, tags },
    });
    await createLiveProbe(input('Why that brand?', ['brand']));
    await createLiveProbe(input('What would you change_100%?', ['product', 'wish']));
    await createLiveProbe({
      ctx: await ctxFor(other.moderator.user),
      community: other.community.slug,
      input: { body: 'Elsewhere' },
    });
    const list = (query: Record<string, string>) =>
      listLiveProbes({ ctx, community: community.slug, query }).then((r) => r.items.map((p) => p.body));
    expect(await list({})).toEqual(['What would you change_100%?', 'Why that brand?']);
    expect(await list({ q: 'BRAND why' })).toEqual(['Why that brand?']);
    expect(await list({ q: 'wish' })).toEqual(['What would you change_100%?']);
    expect(await list({ q: '_100%' })).toEqual(['What would you change_100%?']);
    expect(await list({ q: '%' })).toEqual(['What would you change_100%?']);
    expect(await list({ tag: 'brand' })).toEqual(['Why that brand?']);
    expect(await list({ tag: 'bran' })).toEqual([]);
    const byAdmin = await listLiveProbes({
      ctx: await ctxFor(admin.user),
      community: community.slug,
      query: {},
    });
    expect(byAdmin.truncated).toBe(false);
    expect(byAdmin.items).toHaveLength(2);
  });

  it('shows the newest 200 probes of a larger library and says so; a search narrows them', async () => {
    const { community, moderator } = await liveCommunity();
    const { kernel } = await testApp();
    const start = Date.now() - 300_000;
    await kernel.db
      .insertInto('live_probes')
      .values(
        Array.from({ length: 201 }, (_, i) => ({
          id: newId(),
          community_id: community.id,
          body: i === 0 ? 'The oldest probe, about winter' : `Probe number ${i}`,
          tags: '[]',
          created_by: null,
          created_at: new Date(start + i * 1000),
        })),
      )
      .execute();
    const ctx = await ctxFor(moderator.user);
    const all = await listLiveProbes({ ctx, community: community.slug, query: {} });
    expect(all.items).toHaveLength(200);
    expect(all.truncated).toBe(true);
    expect(all.items[0].body).toBe('Probe number 200');
    expect(all.items.map((p) => p.body)).not.toContain('The oldest probe, about winter');
    const found = await listLiveProbes({ ctx, community: community.slug, query: { q: 'winter' } });
    expect(found).toMatchObject({ truncated: false, items: [{ body: 'The oldest probe, about winter' }] });
  });
});
