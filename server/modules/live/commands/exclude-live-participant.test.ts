import { beforeAll, describe, expect, it } from 'vitest';
import { LIVE_EVENTS } from '../../../../common/live/protocol.ts';
import {
  expectRefused,
  moderatorRefusals,
  recordRealtime,
  runningRoom,
  sentRooms,
} from '../../../../test/live-command-fixtures.ts';
import { participantRow } from '../../../../test/live-fixtures.ts';
import { auditRowsOf, ctxFor, expectAppError, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { liveRooms } from '../live-broadcast.ts';
import { excludeLiveParticipant } from './exclude-live-participant.ts';

beforeAll(() => testApp(), 180_000);

describe('excludeLiveParticipant', () => {
  it('rejects bad input with the field paths', async () => {
    const f = await runningRoom();
    const ctx = await ctxFor(f.moderator.user);
    const sessionId = f.session.id;
    await expectAppError(
      excludeLiveParticipant({ ctx, action: 'remove', input: { sessionId, memberId: 'x' } }),
      'validation_failed',
      '/memberId',
    );
    await expectAppError(
      excludeLiveParticipant({ ctx, action: 'mute', input: { sessionId, memberId: f.alice.memberId } }),
      'validation_failed',
      '/muted',
    );
  });

  it('is not found for an unknown session or someone not invited', async () => {
    const f = await runningRoom();
    const ctx = await ctxFor(f.moderator.user);
    await expectAppError(
      excludeLiveParticipant({
        ctx,
        action: 'remove',
        input: { sessionId: newId(), memberId: f.alice.memberId },
      }),
      'not_found',
    );
    await expectAppError(
      excludeLiveParticipant({
        ctx,
        action: 'remove',
        input: { sessionId: f.session.id, memberId: f.carol.memberId },
      }),
      'not_found',
    );
  });

  it('is refused to participants, observers, strangers and anonymous visitors', async () => {
    const f = await runningRoom();
    for (const action of ['dismiss', 'remove', 'mute'] as const) {
      await expectRefused(moderatorRefusals(f), (ctx) =>
        excludeLiveParticipant({
          ctx,
          action,
          input: { sessionId: f.session.id, memberId: f.alice.memberId, muted: true },
        }),
      );
    }
    expect(await participantRow(f.session.id, f.alice.memberId)).toMatchObject({
      attendance: 'admitted',
      muted: false,
    });
  });

  it('dismisses from the lobby: the member is told, their sockets leave every room, the staff see it', async () => {
    const { kernel } = await testApp();
    const f = await runningRoom();
    const ctx = await ctxFor(f.moderator.user);
    const sid = f.session.id;
    // Alice is in the room, not the lobby.
    const wrong = await expectAppError(
      excludeLiveParticipant({
        ctx,
        action: 'dismiss',
        input: { sessionId: sid, memberId: f.alice.memberId },
      }),
      'conflict',
    );
    expect(wrong.messageKey).toBe('live.error.wrongAttendance');
    const record = recordRealtime(kernel);
    expect(
      await excludeLiveParticipant({
        ctx,
        action: 'dismiss',
        input: { sessionId: sid, memberId: f.bob.memberId },
      }),
    ).toEqual({ memberId: f.bob.memberId });
    expect((await participantRow(sid, f.bob.memberId)).attendance).toBe('dismissed');
    const own = liveRooms.member(sid, f.bob.memberId);
    expect(record).toEqual([
      {
        kind: 'send',
        rooms: [own],
        event: LIVE_EVENTS.excluded,
        payload: { sessionId: sid, reason: 'dismissed' },
        except: [],
      },
      {
        kind: 'leave',
        room: own,
        rooms: [liveRooms.room(sid), liveRooms.participants(sid), liveRooms.invitees(sid), own],
      },
      expect.objectContaining({
        kind: 'send',
        rooms: [liveRooms.staff(sid)],
        event: LIVE_EVENTS.participants,
      }),
    ]);
    expect((await auditRowsOf(f.community.id)).map((r) => r.action)).toEqual(['live_session.dismiss']);
  });

  it('mutes and unmutes, then removes someone in the room', async () => {
    const { kernel } = await testApp();
    const f = await runningRoom();
    const ctx = await ctxFor(f.moderator.user);
    const sid = f.session.id;
    const memberId = f.alice.memberId;
    const own = liveRooms.member(sid, memberId);
    const record = recordRealtime(kernel);
    await excludeLiveParticipant({ ctx, action: 'mute', input: { sessionId: sid, memberId, muted: true } });
    expect((await participantRow(sid, memberId)).muted).toBe(true);
    expect(record[0]).toEqual({
      kind: 'send',
      rooms: [own],
      event: LIVE_EVENTS.muted,
      payload: { sessionId: sid, muted: true },
      except: [],
    });
    await excludeLiveParticipant({ ctx, action: 'mute', input: { sessionId: sid, memberId, muted: false } });
    expect((await participantRow(sid, memberId)).muted).toBe(false);
    await excludeLiveParticipant({ ctx, action: 'remove', input: { sessionId: sid, memberId } });
    expect((await participantRow(sid, memberId)).attendance).toBe('removed');
    expect(sentRooms(record, LIVE_EVENTS.excluded)).toEqual([[own]]);
    expect(record.flatMap((c) => (c.kind === 'leave' ? [c.room] : []))).toEqual([own]);
    expect(sentRooms(record, LIVE_EVENTS.participants)).toHaveLength(3);
    // Removed: no longer in the room, so neither muted nor removed again.
    await expectAppError(
      excludeLiveParticipant({ ctx, action: 'remove', input: { sessionId: sid, memberId } }),
      'conflict',
    );
    expect((await auditRowsOf(f.community.id)).map((r) => [r.action, r.data])).toEqual([
      ['live_session.mute', { muted: true }],
      ['live_session.mute', { muted: false }],
      ['live_session.remove', {}],
    ]);
  });
});
