import { beforeAll, describe, expect, it } from 'vitest';
import { LIVE_EVENTS } from '../../../../common/live/protocol.ts';
import {
  expectRefused,
  recordRealtime,
  roomWithEntries,
  runningRoom,
} from '../../../../test/live-command-fixtures.ts';
import { ctxFor, expectAppError, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { liveRooms } from '../live-broadcast.ts';
import { postLiveMessage } from './post-live-message.ts';
import { reactToLiveEntry } from './react-to-live-entry.ts';

beforeAll(() => testApp(), 180_000);

describe('reactToLiveEntry', () => {
  it('rejects bad input with the field paths', async () => {
    const f = await runningRoom();
    const ctx = await ctxFor(f.alice.user);
    for (const [input, path] of [
      [{ sessionId: f.session.id, seq: 0, reaction: 'agree' }, '/seq'],
      [{ sessionId: f.session.id, seq: 1, reaction: 'love' }, '/reaction'],
      [{ sessionId: 'x', seq: 1, reaction: 'agree' }, '/sessionId'],
    ] as const)
      await expectAppError(reactToLiveEntry({ ctx, input }), 'validation_failed', path);
  });

  it('is not found for an unknown session, and for entries the participant may not react to', async () => {
    const f = await roomWithEntries();
    const bob = await ctxFor(f.bob.user);
    await expectAppError(
      reactToLiveEntry({ ctx: bob, input: { sessionId: newId(), seq: 1, reaction: 'agree' } }),
      'not_found',
    );
    // 9 unknown, 2 a guide item, 3 a blind answer Bob has not earned, 4 someone else's private message.
    for (const seq of [9, 2, 3, 4]) {
      await expectAppError(
        reactToLiveEntry({ ctx: bob, input: { sessionId: f.session.id, seq, reaction: 'agree' } }),
        'not_found',
      );
    }
  });

  it('is refused to staff, participants still waiting, strangers and anonymous visitors', async () => {
    const f = await runningRoom();
    await postLiveMessage({
      ctx: await ctxFor(f.moderator.user),
      input: { sessionId: f.session.id, clientId: 'm1', body: 'Welcome' },
    });
    await expectRefused(
      [
        [f.moderator.user, 'forbidden'],
        [f.observer.user, 'forbidden'],
        [f.bob.user, 'forbidden'],
        [f.carol.user, 'not_found'],
        [f.foreign.user, 'not_found'],
        [null, 'unauthenticated'],
      ],
      (ctx) => reactToLiveEntry({ ctx, input: { sessionId: f.session.id, seq: 1, reaction: 'agree' } }),
    );
  });

  it('counts each reaction once per participant and sends the counts to the room', async () => {
    const { kernel } = await testApp();
    const f = await roomWithEntries();
    const sid = f.session.id;
    const alice = await ctxFor(f.alice.user);
    const record = recordRealtime(kernel);
    const react = (ctx: typeof alice, seq: number, reaction: string) =>
      reactToLiveEntry({ ctx, input: { sessionId: sid, seq, reaction } });
    // Bob agreed with entry 1 already.
    expect(await react(alice, 1, 'agree')).toEqual({ reactions: { agree: 2 } });
    expect(await react(alice, 1, 'agree')).toEqual({ reactions: { agree: 2 } });
    expect(await react(await ctxFor(f.bob.user), 1, 'agree')).toEqual({ reactions: { agree: 2 } });
    expect(await react(alice, 1, 'laugh')).toEqual({ reactions: { agree: 2, laugh: 1 } });
    // Alice may react to her own blind answer.
    expect(await react(alice, 3, 'like')).toEqual({ reactions: { like: 1 } });
    expect(record.at(-2)).toEqual({
      kind: 'send',
      rooms: [liveRooms.room(sid)],
      event: LIVE_EVENTS.reactions,
      payload: { sessionId: sid, seq: 1, reactions: { agree: 2, laugh: 1 } },
      except: [],
    });
    expect(record).toHaveLength(5);
  });
});
