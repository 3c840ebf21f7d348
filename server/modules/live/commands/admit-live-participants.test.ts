import { beforeAll, describe, expect, it } from 'vitest';
import { LIVE_EVENTS } from '../../../../common/live/protocol.ts';
import {
  expectRefused,
  moderatorRefusals,
  recordRealtime,
  sentRooms,
} from '../../../../test/live-command-fixtures.ts';
import { liveCommunity, participantRow, seedSession } from '../../../../test/live-fixtures.ts';
import { auditRowsOf, ctxFor, expectAppError, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { liveRooms } from '../live-broadcast.ts';
import { admitLiveParticipants } from './admit-live-participants.ts';

beforeAll(() => testApp(), 180_000);

/** A scheduled session (lobby open) with Alice and Bob waiting. */
async function lobby(capacity?: number) {
  const f = await liveCommunity();
  const { kernel } = await testApp();
  if (capacity) {
    await kernel.db.updateTable('live_sessions').set({ capacity }).where('id', '=', f.session.id).execute();
  }
  await kernel.db
    .updateTable('live_participants')
    .set({ attendance: 'waiting', joined_at: new Date() })
    .where('session_id', '=', f.session.id)
    .execute();
  return f;
}

describe('admitLiveParticipants', () => {
  it('rejects bad input with the field paths', async () => {
    const f = await lobby();
    const ctx = await ctxFor(f.moderator.user);
    const sessionId = f.session.id;
    for (const [input, path] of [
      [{ sessionId: 'x', all: true }, '/sessionId'],
      [{ sessionId }, '/memberIds'],
      [{ sessionId, memberIds: [] }, '/memberIds'],
      [{ sessionId, memberIds: ['x'] }, '/memberIds/0'],
      [{ sessionId, all: false }, '/all'],
    ] as const)
      await expectAppError(admitLiveParticipants({ ctx, input }), 'validation_failed', path);
  });

  it('is not found for an unknown session', async () => {
    const f = await lobby();
    await expectAppError(
      admitLiveParticipants({
        ctx: await ctxFor(f.moderator.user),
        input: { sessionId: newId(), all: true },
      }),
      'not_found',
    );
  });

  it('is refused to participants, observers, strangers and anonymous visitors, and after the end', async () => {
    const f = await lobby();
    const input = { sessionId: f.session.id, all: true };
    await expectRefused(moderatorRefusals(f), (ctx) => admitLiveParticipants({ ctx, input }));
    const ended = await seedSession(f.community.id, {
      staff: [[f.moderator.memberId, 'moderator']],
      status: 'ended',
    });
    await expectAppError(
      admitLiveParticipants({
        ctx: await ctxFor(f.moderator.user),
        input: { sessionId: ended.id, all: true },
      }),
      'forbidden',
    );
    expect((await participantRow(f.session.id, f.alice.memberId)).attendance).toBe('waiting');
  });

  it('admits one, starts the session, moves their sockets into the room and tells the staff', async () => {
    const { kernel } = await testApp();
    const f = await lobby();
    const sid = f.session.id;
    const record = recordRealtime(kernel);
    expect(
      await admitLiveParticipants({
        ctx: await ctxFor(f.moderator.user),
        input: { sessionId: sid, memberIds: [f.alice.memberId] },
      }),
    ).toEqual({ admitted: [f.alice.memberId] });
    expect((await participantRow(sid, f.alice.memberId)).attendance).toBe('admitted');
    expect((await participantRow(sid, f.bob.memberId)).attendance).toBe('waiting');
    const session = await kernel.db
      .selectFrom('live_sessions')
      .select(['status', 'started_at'])
      .where('id', '=', sid)
      .executeTakeFirstOrThrow();
    expect(session.status).toBe('live');
    expect(session.started_at).not.toBeNull();
    const own = liveRooms.member(sid, f.alice.memberId);
    expect(record.filter((c) => c.kind === 'join')).toEqual([
      { kind: 'join', room: own, rooms: [liveRooms.room(sid), liveRooms.participants(sid)] },
    ]);
    expect(sentRooms(record, LIVE_EVENTS.admitted)).toEqual([[own]]);
    expect(sentRooms(record, LIVE_EVENTS.participants)).toEqual([[liveRooms.staff(sid)]]);
    const staffList = record.find((c) => c.kind === 'send' && c.event === LIVE_EVENTS.participants);
    expect(staffList).toMatchObject({
      payload: {
        participants: expect.arrayContaining([
          expect.objectContaining({ memberId: f.alice.memberId, attendance: 'admitted' }),
        ]) as unknown,
      },
    });
    const audit = await auditRowsOf(f.community.id);
    expect(audit.map((r) => [r.action, r.data])).toEqual([
      ['live_session.admit', { memberIds: [f.alice.memberId] }],
    ]);
  });

  it('refuses someone not waiting and a room over capacity, then admits everyone waiting', async () => {
    const f = await lobby(2);
    const ctx = await ctxFor(f.moderator.user);
    const sessionId = f.session.id;
    const { kernel } = await testApp();
    // Carol already in the room: one seat left for two waiting.
    await kernel.db
      .insertInto('live_participants')
      .values({
        id: newId(),
        session_id: sessionId,
        community_id: f.community.id,
        member_id: f.carol.memberId,
        attendance: 'admitted',
        joined_at: new Date(),
      })
      .execute();
    await expectAppError(
      admitLiveParticipants({ ctx, input: { sessionId, memberIds: [f.carol.memberId] } }),
      'conflict',
    );
    const full = await expectAppError(
      admitLiveParticipants({ ctx, input: { sessionId, all: true } }),
      'conflict',
    );
    expect(full.messageKey).toBe('live.error.full');
    expect((await participantRow(sessionId, f.bob.memberId)).attendance).toBe('waiting');
    await kernel.db.updateTable('live_sessions').set({ capacity: 12 }).where('id', '=', sessionId).execute();
    const { admitted } = await admitLiveParticipants({ ctx, input: { sessionId, all: true } });
    expect(admitted.sort()).toEqual([f.alice.memberId, f.bob.memberId].sort());
    const again = await expectAppError(
      admitLiveParticipants({ ctx, input: { sessionId, memberIds: [f.alice.memberId] } }),
      'conflict',
    );
    expect(again.messageKey).toBe('live.error.notWaiting');
    // Nobody left waiting: admitting "all" admits nobody and tells nobody.
    const record = recordRealtime(kernel);
    expect(await admitLiveParticipants({ ctx, input: { sessionId, all: true } })).toEqual({ admitted: [] });
    expect(record).toEqual([]);
  });
});
