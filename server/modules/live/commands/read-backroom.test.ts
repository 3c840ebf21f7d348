import { beforeAll, describe, expect, it } from 'vitest';
import {
  expectRefused,
  recordRealtime,
  runningRoom,
  staffRefusals,
} from '../../../../test/live-command-fixtures.ts';
import { ctxFor, expectAppError, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { postBackroomMessage } from './post-backroom-message.ts';
import { readBackroom } from './read-backroom.ts';

beforeAll(() => testApp(), 180_000);

/** A running session with three backroom entries (two from the observer, one from the moderator). */
async function withBackroom() {
  const f = await runningRoom();
  const input = (body: string) => ({ sessionId: f.session.id, body });
  const observer = await ctxFor(f.observer.user);
  await postBackroomMessage({ ctx: observer, kind: 'message', input: input('first') });
  await postBackroomMessage({ ctx: observer, kind: 'suggestion', input: input('second') });
  await postBackroomMessage({ ctx: await ctxFor(f.moderator.user), kind: 'message', input: input('third') });
  return f;
}

describe('readBackroom', () => {
  it('rejects bad input with the field paths', async () => {
    const f = await runningRoom();
    const ctx = await ctxFor(f.observer.user);
    for (const [input, path] of [
      [{ sessionId: 'x', afterSeq: 0 }, '/sessionId'],
      [{ sessionId: f.session.id, afterSeq: -1 }, '/afterSeq'],
      [{ sessionId: f.session.id }, '/afterSeq'],
    ] as const)
      await expectAppError(readBackroom({ ctx, input }), 'validation_failed', path);
  });

  it('is not found for an unknown session', async () => {
    const f = await runningRoom();
    await expectAppError(
      readBackroom({ ctx: await ctxFor(f.observer.user), input: { sessionId: newId(), afterSeq: 0 } }),
      'not_found',
    );
  });

  it('is refused to participants, strangers and anonymous visitors', async () => {
    const f = await withBackroom();
    await expectRefused(staffRefusals(f), (ctx) =>
      readBackroom({ ctx, input: { sessionId: f.session.id, afterSeq: 0 } }),
    );
  });

  it('replays the backroom in order after a sequence number, to observers and moderators, sending nothing', async () => {
    const { kernel } = await testApp();
    const f = await withBackroom();
    const record = recordRealtime(kernel);
    for (const user of [f.observer.user, f.moderator.user]) {
      const all = await readBackroom({
        ctx: await ctxFor(user),
        input: { sessionId: f.session.id, afterSeq: 0 },
      });
      expect(all.more).toBe(false);
      expect(all.entries.map((e) => [e.seq, e.kind, e.body])).toEqual([
        [1, 'message', 'first'],
        [2, 'suggestion', 'second'],
        [3, 'message', 'third'],
      ]);
    }
    const rest = await readBackroom({
      ctx: await ctxFor(f.observer.user),
      input: { sessionId: f.session.id, afterSeq: 2 },
    });
    expect(rest.entries.map((e) => e.seq)).toEqual([3]);
    expect(record).toEqual([]);
  });
});
