import { beforeAll, describe, expect, it } from 'vitest';
import { LIVE_EVENTS } from '../../../../common/live/protocol.ts';
import {
  expectRefused,
  recordRealtime,
  runningRoom,
  sentRooms,
  staffRefusals,
} from '../../../../test/live-command-fixtures.ts';
import { seedSession } from '../../../../test/live-fixtures.ts';
import { ctxFor, expectAppError, plainUser, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { liveRooms } from '../live-broadcast.ts';
import { postBackroomMessage } from './post-backroom-message.ts';

beforeAll(() => testApp(), 180_000);

describe('postBackroomMessage', () => {
  it('rejects bad input with the field paths', async () => {
    const f = await runningRoom();
    const ctx = await ctxFor(f.observer.user);
    const sessionId = f.session.id;
    for (const [input, path] of [
      [{ sessionId: 'x', body: 'hi' }, '/sessionId'],
      [{ sessionId, body: '' }, '/body'],
      [{ sessionId, body: '   ' }, '/body'],
      [{ sessionId, body: 'x'.repeat(2001) }, '/body'],
      [{ sessionId }, '/body'],
    ] as const)
      await expectAppError(postBackroomMessage({ ctx, kind: 'message', input }), 'validation_failed', path);
  });

  it('is not found for an unknown session', async () => {
    const f = await runningRoom();
    await expectAppError(
      postBackroomMessage({
        ctx: await ctxFor(f.observer.user),
        kind: 'message',
        input: { sessionId: newId(), body: 'hi' },
      }),
      'not_found',
    );
  });

  it('is refused to participants, strangers, anonymous visitors, staff without a membership, and after the end', async () => {
    const f = await runningRoom();
    for (const kind of ['message', 'suggestion'] as const) {
      await expectRefused(staffRefusals(f), (ctx) =>
        postBackroomMessage({ ctx, kind, input: { sessionId: f.session.id, body: 'psst' } }),
      );
    }
    // A platform admin may run the session but has no pseudonym to write under.
    const e = await expectAppError(
      postBackroomMessage({
        ctx: await ctxFor(await plainUser({ platformAdmin: true })),
        kind: 'message',
        input: { sessionId: f.session.id, body: 'psst' },
      }),
      'forbidden',
    );
    expect(e.messageKey).toBe('live.error.needsMembership');
    const ended = await seedSession(f.community.id, {
      staff: [[f.observer.memberId, 'observer']],
      status: 'ended',
    });
    await expectAppError(
      postBackroomMessage({
        ctx: await ctxFor(f.observer.user),
        kind: 'message',
        input: { sessionId: ended.id, body: 'late' },
      }),
      'forbidden',
    );
  });

  it('numbers backroom entries in their own sequence and sends them to the staff only', async () => {
    const { kernel } = await testApp();
    const f = await runningRoom();
    const sid = f.session.id;
    const record = recordRealtime(kernel);
    expect(
      await postBackroomMessage({
        ctx: await ctxFor(f.observer.user),
        kind: 'message',
        input: { sessionId: sid, body: ' Ask about price ' },
      }),
    ).toEqual({ seq: 1, suggestionId: null });
    const suggested = await postBackroomMessage({
      ctx: await ctxFor(f.observer.user),
      kind: 'suggestion',
      input: { sessionId: sid, body: 'What would you pay?' },
    });
    expect(suggested).toEqual({ seq: 2, suggestionId: expect.any(String) as unknown });
    expect(
      await postBackroomMessage({
        ctx: await ctxFor(f.moderator.user),
        kind: 'message',
        input: { sessionId: sid, body: 'Noted' },
      }),
    ).toEqual({ seq: 3, suggestionId: null });
    const suggestion = await kernel.db
      .selectFrom('live_probe_suggestions')
      .selectAll()
      .where('id', '=', suggested.suggestionId!)
      .executeTakeFirstOrThrow();
    expect(suggestion).toMatchObject({
      status: 'pending',
      body: 'What would you pay?',
      author_member_id: f.observer.memberId,
    });
    // Only the staff's room, never the room or the participants; the room's sequence is untouched.
    expect(record.every((c) => c.kind === 'send' && c.event === LIVE_EVENTS.backroom)).toBe(true);
    expect(sentRooms(record, LIVE_EVENTS.backroom)).toEqual([
      [liveRooms.staff(sid)],
      [liveRooms.staff(sid)],
      [liveRooms.staff(sid)],
    ]);
    expect(record[0]).toMatchObject({
      payload: { sessionId: sid, entries: [{ seq: 1, kind: 'message', body: 'Ask about price' }] },
    });
    const session = await kernel.db
      .selectFrom('live_sessions')
      .select(['last_seq', 'backroom_last_seq'])
      .where('id', '=', sid)
      .executeTakeFirstOrThrow();
    expect([Number(session.last_seq), Number(session.backroom_last_seq)]).toEqual([0, 3]);
  });
});
