import { beforeAll, describe, expect, it } from 'vitest';
import {
  expectRefused,
  recordRealtime,
  roomWithEntries,
  runningRoom,
} from '../../../../test/live-command-fixtures.ts';
import { ctxFor, expectAppError, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { readLiveEntries, RESUME_PAGE } from './read-live-entries.ts';

beforeAll(() => testApp(), 180_000);

describe('readLiveEntries', () => {
  it('rejects bad input with the field paths', async () => {
    const f = await runningRoom();
    const ctx = await ctxFor(f.alice.user);
    for (const [input, path] of [
      [{ sessionId: 'x', afterSeq: 0 }, '/sessionId'],
      [{ sessionId: f.session.id, afterSeq: -1 }, '/afterSeq'],
      [{ sessionId: f.session.id, afterSeq: 0, extra: 1 }, '/extra'],
    ] as const)
      await expectAppError(readLiveEntries({ ctx, input }), 'validation_failed', path);
  });

  it('is not found for an unknown session', async () => {
    const f = await runningRoom();
    await expectAppError(
      readLiveEntries({ ctx: await ctxFor(f.alice.user), input: { sessionId: newId(), afterSeq: 0 } }),
      'not_found',
    );
  });

  it('is refused to participants still waiting, members not invited, strangers and anonymous visitors', async () => {
    const f = await runningRoom();
    await expectRefused(
      [
        [f.bob.user, 'forbidden'],
        [f.carol.user, 'not_found'],
        [f.guest.user, 'not_found'],
        [f.foreign.user, 'not_found'],
        [null, 'unauthenticated'],
      ],
      (ctx) => readLiveEntries({ ctx, input: { sessionId: f.session.id, afterSeq: 0 } }),
    );
  });

  it('replays everything to the staff, and to each participant what they may read, with placeholders', async () => {
    const { kernel } = await testApp();
    const f = await roomWithEntries();
    const sid = f.session.id;
    const record = recordRealtime(kernel);
    const read = async (user: typeof f.alice.user, afterSeq = 0) =>
      readLiveEntries({ ctx: await ctxFor(user), input: { sessionId: sid, afterSeq } });
    for (const user of [f.moderator.user, f.observer.user]) {
      const staff = await read(user);
      expect(staff).toMatchObject({ lastSeq: 4, more: false });
      expect(staff.entries.map((e) => [e.seq, e.kind, e.body])).toEqual([
        [1, 'message', 'Welcome'],
        [2, 'item', 'Why?'],
        [3, 'answer', 'Because'],
        [4, 'private', 'Just you'],
      ]);
      expect(staff.entries[0].reactions).toEqual({ agree: 1 });
    }
    const alice = await read(f.alice.user);
    expect(alice.entries.map((e) => [e.seq, e.hidden, e.body])).toEqual([
      [1, false, 'Welcome'],
      [2, false, 'Why?'],
      [3, false, 'Because'],
      [4, false, 'Just you'],
    ]);
    const bob = await read(f.bob.user);
    expect(bob.entries.map((e) => [e.seq, e.kind, e.hidden, e.body])).toEqual([
      [1, 'message', false, 'Welcome'],
      [2, 'item', false, 'Why?'],
      [3, 'answer', true, null],
      [4, 'hidden', true, null],
    ]);
    expect(JSON.stringify(bob)).not.toContain('Just you');
    expect((await read(f.bob.user, 2)).entries.map((e) => e.seq)).toEqual([3, 4]);
    expect(record).toEqual([]);
  });

  it('pages long sessions', async () => {
    const f = await runningRoom();
    const { kernel } = await testApp();
    await kernel.db
      .insertInto('live_messages')
      .values(
        Array.from({ length: RESUME_PAGE + 1 }, (_, i) => ({
          id: newId(),
          community_id: f.community.id,
          session_id: f.session.id,
          seq: i + 1,
          kind: 'message' as const,
          author_role: 'moderator' as const,
          body: `m${i + 1}`,
        })),
      )
      .execute();
    await kernel.db
      .updateTable('live_sessions')
      .set({ last_seq: RESUME_PAGE + 1 })
      .where('id', '=', f.session.id)
      .execute();
    const ctx = await ctxFor(f.alice.user);
    const first = await readLiveEntries({ ctx, input: { sessionId: f.session.id, afterSeq: 0 } });
    expect([first.entries.length, first.more, first.lastSeq]).toEqual([RESUME_PAGE, true, RESUME_PAGE + 1]);
    const next = await readLiveEntries({ ctx, input: { sessionId: f.session.id, afterSeq: RESUME_PAGE } });
    expect([next.entries.map((e) => e.seq), next.more]).toEqual([[RESUME_PAGE + 1], false]);
  });
});
