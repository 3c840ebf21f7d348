import { LIVE_EVENTS, type LiveBackroomEntry, type LiveTally } from '../../../common/live/protocol.ts';
import type { Kernel } from '../../platform/kernel.ts';
import { listParticipants } from './live.repository.ts';
import type { EntryRow } from './live-room.repository.ts';
import { ENTITLED, isRestricted, presentEntry, presentRoomParticipant } from './live-room.presenter.ts';

/**
 * The server-side Socket.IO rooms of a session. Clients cannot subscribe to them: the live protocol joins
 * sockets after checking the policy. `room` holds staff and admitted participants, `participants` the
 * admitted participants only, `staff` moderators and observers (the backroom), `member` one participant's
 * sockets (every tab, the lobby included), `invitees` every participant's sockets, in the lobby or the room.
 */
export const liveRooms = {
  invitees: (sessionId: string) => `live-i:${sessionId}`,
  room: (sessionId: string) => `live:${sessionId}`,
  participants: (sessionId: string) => `live-p:${sessionId}`,
  staff: (sessionId: string) => `live-staff:${sessionId}`,
  member: (sessionId: string, memberId: string) => `live-m:${sessionId}:${memberId}`,
};

/**
 * Sends a committed room entry to everyone who may read it and a numbered placeholder to the other
 * participants, so that nobody's sequence has a gap and nobody receives what they may not read. For a
 * blind answer, `readers` are the participants who answered the question.
 */
export function publishEntry(kernel: Kernel, row: EntryRow, readers: readonly string[] = []): void {
  const sid = row.session_id;
  const full = presentEntry(row, ENTITLED);
  if (!isRestricted(row)) {
    kernel.realtime.send([liveRooms.room(sid)], LIVE_EVENTS.entries, { sessionId: sid, entries: [full] });
    return;
  }
  const entitled =
    row.kind === 'private'
      ? [liveRooms.member(sid, row.private_member_id!)]
      : [...new Set([...readers, row.author_member_id!])].map((m) => liveRooms.member(sid, m));
  const stub = presentEntry(row, { staff: false, memberId: null, answered: new Set() });
  kernel.realtime.send([liveRooms.staff(sid), ...entitled], LIVE_EVENTS.entries, {
    sessionId: sid,
    entries: [full],
  });
  kernel.realtime.send(
    [liveRooms.participants(sid)],
    LIVE_EVENTS.entries,
    { sessionId: sid, entries: [stub] },
    entitled,
  );
}

/** Sends full entries to one participant's sockets (the blind answers they may now read). */
export function publishToMember(kernel: Kernel, sessionId: string, memberId: string, rows: EntryRow[]): void {
  if (rows.length === 0) return;
  kernel.realtime.send([liveRooms.member(sessionId, memberId)], LIVE_EVENTS.entries, {
    sessionId,
    entries: rows.map((r) => presentEntry(r, ENTITLED)),
  });
}

/** Sends full entries to every admitted participant (a blind question revealed). */
export function publishToParticipants(kernel: Kernel, sessionId: string, rows: EntryRow[]): void {
  if (rows.length === 0) return;
  kernel.realtime.send([liveRooms.participants(sessionId)], LIVE_EVENTS.entries, {
    sessionId,
    entries: rows.map((r) => presentEntry(r, ENTITLED)),
  });
}

/** Sends the participants' list with attendance to the staff (the lobby and the room's side panel). */
export async function publishParticipants(kernel: Kernel, sessionId: string): Promise<void> {
  const rows = await listParticipants(kernel.db, sessionId);
  kernel.realtime.send([liveRooms.staff(sessionId)], LIVE_EVENTS.participants, {
    sessionId,
    participants: rows.map(presentRoomParticipant),
  });
}

/**
 * Who among the participants may see a question's tally: nobody unless the moderator shows it; then
 * everyone, except for a blind question not revealed yet, whose tally only those who answered it see
 * (the others would learn the answers before giving theirs).
 */
export function tallyAudience(
  item: { tally_shown: boolean; blind: boolean; revealed_at: Date | null },
  answeredBy: readonly string[],
): 'none' | 'all' | readonly string[] {
  if (!item.tally_shown) return 'none';
  if (!item.blind || item.revealed_at) return 'all';
  return answeredBy;
}

/**
 * Sends a question's tally to the staff, and to the participants `tallyAudience` allows; when the
 * moderator has just hidden it (`withdrawn`), participants get `{ hidden: true }` to take it away.
 */
export function publishTally(
  kernel: Kernel,
  sessionId: string,
  tally: LiveTally,
  item: { tally_shown: boolean; blind: boolean; revealed_at: Date | null },
  answeredBy: readonly string[],
  withdrawn = false,
): void {
  const audience = tallyAudience(item, answeredBy);
  const payload = { sessionId, ...tally };
  if (audience === 'all')
    return kernel.realtime.send([liveRooms.room(sessionId)], LIVE_EVENTS.tally, payload);
  kernel.realtime.send([liveRooms.staff(sessionId)], LIVE_EVENTS.tally, payload);
  if (audience === 'none' && withdrawn) {
    kernel.realtime.send([liveRooms.participants(sessionId)], LIVE_EVENTS.tally, {
      sessionId,
      itemId: tally.itemId,
      counts: {},
      answers: 0,
      hidden: true,
    });
  } else if (audience !== 'none' && audience.length > 0) {
    kernel.realtime.send(
      audience.map((m) => liveRooms.member(sessionId, m)),
      LIVE_EVENTS.tally,
      payload,
    );
  }
}

/** Sends a backroom entry to the staff only. */
export function publishBackroom(kernel: Kernel, sessionId: string, entry: LiveBackroomEntry): void {
  kernel.realtime.send([liveRooms.staff(sessionId)], LIVE_EVENTS.backroom, { sessionId, entries: [entry] });
}
