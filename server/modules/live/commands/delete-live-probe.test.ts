import { beforeAll, describe, expect, it } from 'vitest';
import { liveCommunity } from '../../../../test/live-fixtures.ts';
import { ctxFor, expectAppError, outboxEventsOf, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { createLiveProbe } from './create-live-probe.ts';
import { deleteLiveProbe } from './delete-live-probe.ts';
import { listLiveProbes } from './list-live-probes.ts';

beforeAll(() => testApp(), 180_000);

describe('deleteLiveProbe', () => {
  it('reports unknown probes as not found, refuses members and observers, removes and emits', async () => {
    const { community, moderator, observer, alice } = await liveCommunity();
    const ctx = await ctxFor(moderator.user);
    const probe = await createLiveProbe({ ctx, community: community.slug, input: { body: 'Why?' } });
    await expectAppError(deleteLiveProbe({ ctx, community: community.slug, probeId: newId() }), 'not_found');
    for (const user of [observer.user, alice.user])
      await expectAppError(
        deleteLiveProbe({ ctx: await ctxFor(user), community: community.slug, probeId: probe.id }),
        'forbidden',
      );
    await deleteLiveProbe({ ctx, community: community.slug, probeId: probe.id });
    expect((await listLiveProbes({ ctx, community: community.slug, query: {} })).items).toEqual([]);
    await expectAppError(deleteLiveProbe({ ctx, community: community.slug, probeId: probe.id }), 'not_found');
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toEqual([
      'live_probe.created',
      'live_probe.deleted',
    ]);
  });
});
