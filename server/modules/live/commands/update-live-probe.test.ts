import { beforeAll, describe, expect, it } from 'vitest';
import { liveCommunity } from '../../../../test/live-fixtures.ts';
import { ctxFor, expectAppError, outboxEventsOf, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { createLiveProbe } from './create-live-probe.ts';
import { updateLiveProbe } from './update-live-probe.ts';

beforeAll(() => testApp(), 180_000);

async function withProbe() {
  const f = await liveCommunity();
  const probe = await createLiveProbe({
    ctx: await ctxFor(f.moderator.user),
    community: f.community.slug,
    input: { body: 'Why?', tags: ['why'] },
  });
  return { ...f, probe };
}

describe('updateLiveProbe', () => {
  it('rejects bad input with the field paths', async () => {
    const { community, moderator, probe } = await withProbe();
    const ctx = await ctxFor(moderator.user);
    for (const [input, path] of [
      [{}, ''],
      [{ body: '' }, '/body'],
      [{ tags: 'why' }, '/tags'],
    ] as const)
      await expectAppError(
        updateLiveProbe({ ctx, community: community.slug, probeId: probe.id, input }),
        'validation_failed',
        path,
      );
  });

  it('reports unknown and foreign probes as not found and refuses members and observers', async () => {
    const { community, moderator, observer, alice, probe } = await withProbe();
    const other = await withProbe();
    const ctx = await ctxFor(moderator.user);
    for (const probeId of [newId(), other.probe.id, 'not-a-uuid'])
      await expectAppError(
        updateLiveProbe({ ctx, community: community.slug, probeId, input: { body: 'How?' } }),
        'not_found',
      );
    for (const user of [observer.user, alice.user])
      await expectAppError(
        updateLiveProbe({
          ctx: await ctxFor(user),
          community: community.slug,
          probeId: probe.id,
          input: { body: 'How?' },
        }),
        'forbidden',
      );
  });

  it('changes the text and tags and emits live_probe.updated', async () => {
    const { community, admin, probe } = await withProbe();
    const ctx = await ctxFor(admin.user);
    const text = await updateLiveProbe({
      ctx,
      community: community.slug,
      probeId: probe.id,
      input: { body: 'How so?' },
    });
    expect(text).toMatchObject({ body: 'How so?', tags: ['why'] });
    const tags = await updateLiveProbe({
      ctx,
      community: community.slug,
      probeId: probe.id,
      input: { tags: ['how'] },
    });
    expect(tags).toMatchObject({ body: 'How so?', tags: ['how'] });
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toEqual([
      'live_probe.created',
      'live_probe.updated',
      'live_probe.updated',
    ]);
  });
});
