import { beforeAll, describe, expect, it } from 'vitest';
import { liveCommunity } from '../../../../test/live-fixtures.ts';
import { ctxFor, expectAppError, outboxEventsOf, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { createLiveCode } from './create-live-code.ts';
import { listLiveCodes } from './list-live-codes.ts';

beforeAll(() => testApp(), 180_000);

describe('createLiveCode and listLiveCodes', () => {
  it('rejects bad input with the field paths', async () => {
    const { community, moderator, session } = await liveCommunity();
    const ctx = await ctxFor(moderator.user);
    const cases: [unknown, string][] = [
      [{ name: '', colour: '#aabbcc' }, '/name'],
      [{ name: '   ', colour: '#aabbcc' }, '/name'],
      [{ name: 'Price', colour: 'red' }, '/colour'],
      [{ name: 'x'.repeat(61), colour: '#aabbcc' }, '/name'],
    ];
    for (const [input, path] of cases)
      await expectAppError(
        createLiveCode({ ctx, community: community.slug, sessionId: session.id, input }),
        'validation_failed',
        path,
      );
  });

  it('reports unknown sessions and staff off the session as not found, and refuses participants', async () => {
    const { community, moderator, guest, alice, session } = await liveCommunity();
    const input = { name: 'Price', colour: '#aabbcc' };
    await expectAppError(
      createLiveCode({
        ctx: await ctxFor(moderator.user),
        community: community.slug,
        sessionId: newId(),
        input,
      }),
      'not_found',
    );
    await expectAppError(
      createLiveCode({
        ctx: await ctxFor(guest.user),
        community: community.slug,
        sessionId: session.id,
        input,
      }),
      'not_found',
    );
    const participant = await ctxFor(alice.user);
    await expectAppError(
      createLiveCode({ ctx: participant, community: community.slug, sessionId: session.id, input }),
      'forbidden',
    );
    await expectAppError(
      listLiveCodes({ ctx: participant, community: community.slug, sessionId: session.id }),
      'forbidden',
    );
  });

  it('lets moderators and observers build the codebook, once per name, and emits live_code.created', async () => {
    const { community, moderator, observer, session } = await liveCommunity();
    const code = await createLiveCode({
      ctx: await ctxFor(observer.user),
      community: community.slug,
      sessionId: session.id,
      input: { name: ' Price ', colour: '#AABBCC' },
    });
    expect(code).toMatchObject({ name: 'Price', colour: '#aabbcc', excerpts: [] });
    const ctx = await ctxFor(moderator.user);
    await createLiveCode({
      ctx,
      community: community.slug,
      sessionId: session.id,
      input: { name: 'Comfort', colour: '#112233' },
    });
    const error = await expectAppError(
      createLiveCode({
        ctx,
        community: community.slug,
        sessionId: session.id,
        input: { name: 'Price', colour: '#000000' },
      }),
      'validation_failed',
      '/name',
    );
    expect(error.fields[0].key).toBe('live.code.nameTaken');
    const list = await listLiveCodes({ ctx, community: community.slug, sessionId: session.id });
    expect(list.items.map((c) => c.name)).toEqual(['Comfort', 'Price']);
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toEqual([
      'live_code.created',
      'live_code.created',
    ]);
  });
});
