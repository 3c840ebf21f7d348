import { beforeAll, describe, expect, it } from 'vitest';
import { liveCommunity, participantRow, seedSession } from '../../../../test/live-fixtures.ts';
import { ctxFor, expectAppError, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { joinLiveRoom } from './join-live-room.ts';

beforeAll(() => testApp(), 180_000);

async function startIn(sessionId: string, minutes: number, lobbyMinutes = 10) {
  const { kernel } = await testApp();
  await kernel.db
    .updateTable('live_sessions')
    .set({ starts_at: new Date(Date.now() + minutes * 60_000), lobby_minutes: lobbyMinutes })
    .where('id', '=', sessionId)
    .execute();
}

describe('joinLiveRoom', () => {
  it('rejects a malformed session id', async () => {
    const { alice } = await liveCommunity();
    const ctx = await ctxFor(alice.user);
    await expectAppError(
      joinLiveRoom({ ctx, input: { sessionId: 'nope' } }),
      'validation_failed',
      '/sessionId',
    );
  });

  it('is not found for an unknown session, someone not on it, and asks the anonymous to sign in', async () => {
    const { carol, guest, session } = await liveCommunity();
    await expectAppError(
      joinLiveRoom({ ctx: await ctxFor(carol.user), input: { sessionId: newId() } }),
      'not_found',
    );
    for (const user of [carol.user, guest.user]) {
      await expectAppError(
        joinLiveRoom({ ctx: await ctxFor(user), input: { sessionId: session.id } }),
        'not_found',
      );
    }
    await expectAppError(
      joinLiveRoom({ ctx: await ctxFor(null), input: { sessionId: session.id } }),
      'unauthenticated',
    );
  });

  it('is forbidden to a participant who declined or was dismissed, and once the session is over', async () => {
    const f = await liveCommunity();
    const { kernel } = await testApp();
    await kernel.db
      .updateTable('live_participants')
      .set({ invitation: 'declined', responded_at: new Date() })
      .where('session_id', '=', f.session.id)
      .where('member_id', '=', f.alice.memberId)
      .execute();
    await kernel.db
      .updateTable('live_participants')
      .set({ attendance: 'dismissed', joined_at: new Date() })
      .where('session_id', '=', f.session.id)
      .where('member_id', '=', f.bob.memberId)
      .execute();
    for (const user of [f.alice.user, f.bob.user]) {
      await expectAppError(
        joinLiveRoom({ ctx: await ctxFor(user), input: { sessionId: f.session.id } }),
        'forbidden',
      );
    }
    const ended = await seedSession(f.community.id, { participants: [f.carol.memberId], status: 'ended' });
    await expectAppError(
      joinLiveRoom({ ctx: await ctxFor(f.carol.user), input: { sessionId: ended.id } }),
      'forbidden',
    );
  });

  it('keeps a participant out of the lobby before it opens, with the seconds to wait; staff enter', async () => {
    const f = await liveCommunity();
    await startIn(f.session.id, 60);
    const error = await expectAppError(
      joinLiveRoom({ ctx: await ctxFor(f.alice.user), input: { sessionId: f.session.id } }),
      'conflict',
    );
    expect(error.messageKey).toBe('live.error.lobbyClosed');
    const retryAfter = (error as unknown as { retryAfter: number }).retryAfter;
    expect(retryAfter).toBeGreaterThan(49 * 60);
    expect(retryAfter).toBeLessThanOrEqual(50 * 60);
    expect((await participantRow(f.session.id, f.alice.memberId)).attendance).toBe('none');
    const staff = await joinLiveRoom({
      ctx: await ctxFor(f.moderator.user),
      input: { sessionId: f.session.id },
    });
    expect(staff.state.role).toBe('moderator');
    // The opening time is the session's own: a 90-minute lobby is open an hour before the start.
    await startIn(f.session.id, 60, 90);
    const joined = await joinLiveRoom({
      ctx: await ctxFor(f.alice.user),
      input: { sessionId: f.session.id },
    });
    expect(joined.state.attendance).toBe('waiting');
  });

  it('puts an invited participant in the lobby and staff in the room and backroom', async () => {
    const f = await liveCommunity();
    const alice = await joinLiveRoom({ ctx: await ctxFor(f.alice.user), input: { sessionId: f.session.id } });
    expect(alice.state).toMatchObject({
      role: 'participant',
      memberId: f.alice.memberId,
      attendance: 'waiting',
      participants: null,
      backroomLastSeq: null,
    });
    expect(alice.rooms).toEqual([`live-m:${f.session.id}:${f.alice.memberId}`, `live-i:${f.session.id}`]);
    const row = await participantRow(f.session.id, f.alice.memberId);
    expect(row.attendance).toBe('waiting');
    expect(row.joined_at).not.toBeNull();
    const observer = await joinLiveRoom({
      ctx: await ctxFor(f.observer.user),
      input: { sessionId: f.session.id },
    });
    expect(observer.state.role).toBe('observer');
    expect(observer.state.participants?.map((p) => p.memberId).sort()).toEqual(
      [f.alice.memberId, f.bob.memberId].sort(),
    );
    expect(observer.rooms).toEqual([`live:${f.session.id}`, `live-staff:${f.session.id}`]);
  });
});
