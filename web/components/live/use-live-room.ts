import { useCallback, useEffect, useRef, useState } from 'react';
import type { Socket } from 'socket.io-client';
import {
  LIVE_EVENTS,
  LIVE_REQUESTS,
  type LiveBackroomEntry,
  type LiveEntry,
  type LiveJoinState,
  type LiveRoomParticipant,
  type LiveTally,
} from '../../../common/live/protocol.ts';
import { RoomSequencer } from '../../../common/live/room-sequencer.ts';

/** An acknowledgement as the room sees it. */
export interface Ack {
  ok: boolean;
  message?: string;
  [key: string]: unknown;
}

/** Everything the room shows, kept up to date from the socket. */
export interface LiveRoomState {
  connected: boolean;
  joined: LiveJoinState | null;
  refused: string | null;
  /** The lobby is not open yet (the server's message); the hook joins again when it opens. */
  lobbyClosed: string | null;
  entries: LiveEntry[];
  participants: LiveRoomParticipant[];
  backroom: LiveBackroomEntry[];
  tallies: Record<string, LiveTally>;
  itemStates: Record<string, { state: string; at: string }>;
  typing: string[];
  ended: boolean;
  excluded: string | null;
  muted: boolean;
  /** The last entry that arrived, for the screen-reader announcement. */
  announcement: string;
}

const initial: LiveRoomState = {
  connected: false,
  joined: null,
  refused: null,
  lobbyClosed: null,
  entries: [],
  participants: [],
  backroom: [],
  tallies: {},
  itemStates: {},
  typing: [],
  ended: false,
  excluded: null,
  muted: false,
  announcement: '',
};

/**
 * Connects the room to its session over Socket.IO (in the browser only): joins, replays what is missing
 * through a `RoomSequencer` after every (re)connection and on any gap, and returns the state with a
 * `request` function for every protocol message. See docs/LIVE-PROTOCOL.md.
 */
export function useLiveRoom(sessionId: string, describe: (entry: LiveEntry) => string) {
  const [state, setState] = useState<LiveRoomState>(initial);
  const socketRef = useRef<Socket | null>(null);
  const describeRef = useRef(describe);
  describeRef.current = describe;

  const request = useCallback(
    async (event: string, payload: Record<string, unknown> = {}): Promise<Ack> => {
      const socket = socketRef.current;
      if (!socket) return { ok: false, message: '' };
      try {
        return (await socket.timeout(15_000).emitWithAck(event, { sessionId, ...payload })) as Ack;
      } catch {
        return { ok: false, message: '' };
      }
    },
    [sessionId],
  );

  useEffect(() => {
    let closed = false;
    let socket: Socket | null = null;
    const byseq = new Map<number, LiveEntry>();
    let resuming = false;
    const sequencer = new RoomSequencer({
      apply: (entry) => {
        byseq.set(entry.seq, entry);
        setState((s) => ({
          ...s,
          entries: [...byseq.values()].sort((x, y) => x.seq - y.seq),
          announcement: entry.hidden ? s.announcement : describeRef.current(entry),
        }));
      },
      onGap: () => void resume(),
    });
    const resume = async () => {
      if (resuming || !socket) return;
      resuming = true;
      try {
        for (;;) {
          const reply = (await socket
            .timeout(15_000)
            .emitWithAck(LIVE_REQUESTS.resume, { sessionId, afterSeq: sequencer.lastSeq })) as Ack & {
            entries?: LiveEntry[];
            more?: boolean;
          };
          if (!reply.ok || !reply.entries) return;
          sequencer.receive(reply.entries);
          if (!reply.more) return;
        }
      } catch {
        // The next reconnection resumes.
      } finally {
        resuming = false;
      }
    };
    const backroomSeen = new Set<number>();
    const addBackroom = (entries: LiveBackroomEntry[]) => {
      const fresh = entries.filter((e) => !backroomSeen.has(e.seq));
      for (const e of fresh) backroomSeen.add(e.seq);
      if (fresh.length > 0)
        setState((s) => ({ ...s, backroom: [...s.backroom, ...fresh].sort((x, y) => x.seq - y.seq) }));
    };
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    const join = async () => {
      if (!socket || closed) return;
      const reply = (await socket.timeout(15_000).emitWithAck(LIVE_REQUESTS.join, { sessionId })) as Ack & {
        state?: LiveJoinState;
      };
      if (!reply.ok && reply.code === 'conflict' && typeof reply.retryAfter === 'number') {
        // Before the lobby opens: show the countdown and try again when it opens (at most hourly).
        setState((s) => ({ ...s, lobbyClosed: reply.message ?? '' }));
        clearTimeout(retryTimer);
        retryTimer = setTimeout(() => void join(), Math.min(reply.retryAfter, 3600) * 1000 + 500);
        return;
      }
      if (!reply.ok || !reply.state) {
        setState((s) => ({ ...s, refused: reply.message ?? '' }));
        return;
      }
      const joined = reply.state;
      setState((s) => ({
        ...s,
        joined,
        refused: null,
        lobbyClosed: null,
        muted: joined.muted,
        ended: joined.status === 'ended',
        participants: joined.participants ?? s.participants,
        tallies: Object.fromEntries((joined.tallies ?? []).map((t) => [t.itemId, t])),
      }));
      if (joined.role !== 'participant' || joined.attendance === 'admitted') await resume();
      if (joined.role !== 'participant') {
        const back = (await socket
          .timeout(15_000)
          .emitWithAck(LIVE_REQUESTS.backroomResume, { sessionId, afterSeq: 0 })) as Ack & {
          entries?: LiveBackroomEntry[];
        };
        if (back.ok && back.entries) addBackroom(back.entries);
      }
    };
    void import('socket.io-client').then(({ io }) => {
      if (closed) return;
      socket = io({ path: '/socket.io', transports: ['websocket'] });
      socketRef.current = socket;
      socket.on('connect', () => {
        setState((s) => ({ ...s, connected: true }));
        void join();
      });
      socket.on('disconnect', () => setState((s) => ({ ...s, connected: false })));
      socket.on(LIVE_EVENTS.entries, (p: { sessionId: string; entries: LiveEntry[] }) => {
        if (p.sessionId === sessionId) sequencer.receive(p.entries);
      });
      socket.on(LIVE_EVENTS.admitted, () => {
        setState((s) => ({ ...s, joined: s.joined ? { ...s.joined, attendance: 'admitted' } : s.joined }));
        void resume();
      });
      socket.on(LIVE_EVENTS.excluded, (p: { reason: string }) =>
        setState((s) => ({ ...s, excluded: p.reason })),
      );
      socket.on(LIVE_EVENTS.muted, (p: { muted: boolean }) => setState((s) => ({ ...s, muted: p.muted })));
      socket.on(LIVE_EVENTS.ended, () => setState((s) => ({ ...s, ended: true })));
      socket.on(LIVE_EVENTS.participants, (p: { participants: LiveRoomParticipant[] }) =>
        setState((s) => ({ ...s, participants: p.participants })),
      );
      socket.on(LIVE_EVENTS.tally, (p: LiveTally) =>
        setState((s) => {
          const tallies = { ...s.tallies };
          if (p.hidden) delete tallies[p.itemId];
          else tallies[p.itemId] = p;
          return { ...s, tallies };
        }),
      );
      socket.on(LIVE_EVENTS.guide, (p: { itemId: string; state: string; at: string }) =>
        setState((s) => ({
          ...s,
          itemStates: { ...s.itemStates, [p.itemId]: { state: p.state, at: p.at } },
        })),
      );
      socket.on(LIVE_EVENTS.backroom, (p: { entries: LiveBackroomEntry[] }) => addBackroom(p.entries));
      socket.on(LIVE_EVENTS.reactions, (p: { seq: number; reactions: Record<string, number> }) => {
        const entry = byseq.get(p.seq);
        if (!entry) return;
        byseq.set(p.seq, { ...entry, reactions: p.reactions });
        setState((s) => ({ ...s, entries: [...byseq.values()].sort((x, y) => x.seq - y.seq) }));
      });
      socket.on(LIVE_EVENTS.typing, (p: { who: string | null }) => {
        const who = p.who ?? '';
        setState((s) => ({ ...s, typing: s.typing.includes(who) ? s.typing : [...s.typing, who] }));
        setTimeout(() => setState((s) => ({ ...s, typing: s.typing.filter((x) => x !== who) })), 3000);
      });
    });
    return () => {
      closed = true;
      clearTimeout(retryTimer);
      socket?.close();
      socketRef.current = null;
    };
  }, [sessionId]);

  return { state, request };
}
