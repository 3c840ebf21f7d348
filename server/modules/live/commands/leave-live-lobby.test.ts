import { beforeAll, describe, expect, it, vi } from 'vitest';
import { LIVE_EVENTS } from '../../../../common/live/protocol.ts';
import { recordRealtime, runningRoom, sentRooms } from '../../../../test/live-command-fixtures.ts';
import { participantRow } from '../../../../test/live-fixtures.ts';
import { ctxFor, testApp } from '../../../../test/helpers.ts';
import { liveRooms } from '../live-broadcast.ts';
import { leaveLiveLobby } from './leave-live-lobby.ts';

beforeAll(() => testApp(), 180_000);

/**
 * `leaveLiveLobby` runs when a participant's socket disconnects (live-socket.ts), for the member that socket
 * joined as: it takes no request input and refuses nobody; it only changes the attendance of someone waiting.
 */
describe('leaveLiveLobby', () => {
  it('marks someone waiting as left and tells the staff', async () => {
    const { kernel } = await testApp();
    const f = await runningRoom();
    const record = recordRealtime(kernel);
    await leaveLiveLobby({
      ctx: await ctxFor(f.bob.user),
      sessionId: f.session.id,
      memberId: f.bob.memberId,
    });
    const bob = await participantRow(f.session.id, f.bob.memberId);
    expect(bob.attendance).toBe('left');
    expect(bob.left_at).not.toBeNull();
    expect(sentRooms(record, LIVE_EVENTS.participants)).toEqual([[liveRooms.staff(f.session.id)]]);
  });

  it('keeps an admitted participant in the room, and someone with another tab still open in the lobby', async () => {
    const { kernel } = await testApp();
    const f = await runningRoom();
    const record = recordRealtime(kernel);
    await leaveLiveLobby({
      ctx: await ctxFor(f.alice.user),
      sessionId: f.session.id,
      memberId: f.alice.memberId,
    });
    expect((await participantRow(f.session.id, f.alice.memberId)).attendance).toBe('admitted');
    const count = vi.spyOn(kernel.realtime, 'countSockets').mockResolvedValue(1);
    try {
      await leaveLiveLobby({
        ctx: await ctxFor(f.bob.user),
        sessionId: f.session.id,
        memberId: f.bob.memberId,
      });
      expect(count).toHaveBeenCalledWith(liveRooms.member(f.session.id, f.bob.memberId));
    } finally {
      count.mockRestore();
    }
    expect((await participantRow(f.session.id, f.bob.memberId)).attendance).toBe('waiting');
    // Someone never invited: nothing to change.
    await leaveLiveLobby({
      ctx: await ctxFor(f.carol.user),
      sessionId: f.session.id,
      memberId: f.carol.memberId,
    });
    expect(record).toEqual([]);
  });
});
