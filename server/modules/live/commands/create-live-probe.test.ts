import { beforeAll, describe, expect, it } from 'vitest';
import { liveCommunity } from '../../../../test/live-fixtures.ts';
import { ctxFor, expectAppError, outboxEventsOf, testApp } from '../../../../test/helpers.ts';
import { createLiveProbe } from './create-live-probe.ts';

beforeAll(() => testApp(), 180_000);

describe('createLiveProbe', () => {
  it('rejects bad input with the field paths', async () => {
    const { community, moderator } = await liveCommunity();
    const ctx = await ctxFor(moderator.user);
    const cases: [unknown, string][] = [
      [{ body: '' }, '/body'],
      [{ body: 'Why?', tags: ['a', 'a'] }, '/tags'],
      [{ body: 'Why?', tags: ['x'.repeat(41)] }, '/tags/0'],
      [{ body: 'Why?', extra: 1 }, '/extra'],
    ];
    for (const [input, path] of cases)
      await expectAppError(
        createLiveProbe({ ctx, community: community.slug, input }),
        'validation_failed',
        path,
      );
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('reports an unknown community as not found and refuses members and observers', async () => {
    const { community, moderator, observer, alice } = await liveCommunity();
    await expectAppError(
      createLiveProbe({
        ctx: await ctxFor(moderator.user),
        community: 'no-such-community',
        input: { body: 'Why?' },
      }),
      'not_found',
    );
    for (const user of [observer.user, alice.user])
      await expectAppError(
        createLiveProbe({ ctx: await ctxFor(user), community: community.slug, input: { body: 'Why?' } }),
        'forbidden',
      );
  });

  it('saves the probe with clean tags and emits live_probe.created', async () => {
    const { community, moderator } = await liveCommunity();
    const probe = await createLiveProbe({
      ctx: await ctxFor(moderator.user),
      community: community.slug,
      input: { body: '  What made you choose it?  ', tags: [' price ', 'choice'] },
    });
    expect(probe).toMatchObject({ body: 'What made you choose it?', tags: ['price', 'choice'] });
    const events = await outboxEventsOf(community.id);
    expect(events.map((e) => [e.type, e.payload])).toEqual([
      ['live_probe.created', { communityId: community.id, probeId: probe.id }],
    ]);
  });
});
