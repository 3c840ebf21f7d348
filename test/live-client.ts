import { io, type Socket } from 'socket.io-client';
import { LIVE_EVENTS, LIVE_REQUESTS, type LiveEntry, type LiveJoinState } from '../common/live/protocol.ts';
import { RoomSequencer } from '../common/live/room-sequencer.ts';

/** One frame a socket received: the event and its payload, or an acknowledgement. */
export interface Frame {
  event: string;
  payload: unknown;
}

/**
 * A live-session client as the web's room uses it, for tests and benchmarks: it records every frame its
 * socket receives, applies room entries through the `RoomSequencer` (in order, once), asks for what it
 * missed on a gap and after each (re)join.
 */
export class LiveClient {
  readonly frames: Frame[] = [];
  /** Background resumes cut short by a dropped connection (expected; kept for debugging). */
  readonly backgroundErrors: string[] = [];
  /** Entries in the order they were applied (updates of hidden entries included, flagged). */
  readonly applied: { entry: LiveEntry; update: boolean }[] = [];
  socket: Socket;
  readonly sessionId: string;
  readonly #cookie: string | null;
  sequencer: RoomSequencer;
  state: LiveJoinState | null = null;
  #resuming: Promise<void> | null = null;
  #waiters: { until: () => boolean; done: () => void }[] = [];

  private constructor(socket: Socket, sessionId: string, cookie: string | null) {
    this.socket = socket;
    this.sessionId = sessionId;
    this.#cookie = cookie;
    this.sequencer = this.#newSequencer(0);
    this.#listen(socket);
  }

  static #open(url: string, cookie: string | null): Socket {
    return io(url, {
      path: '/socket.io',
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: cookie ? { cookie } : {},
    });
  }

  #listen(socket: Socket): void {
    socket.onAny((event: string, payload: unknown) => {
      this.frames.push({ event, payload });
      if (event === LIVE_EVENTS.entries)
        this.sequencer.receive((payload as { entries: LiveEntry[] }).entries);
      if (event === LIVE_EVENTS.admitted) this.#resumeInBackground();
      this.#check();
    });
  }

  #newSequencer(lastSeq: number): RoomSequencer {
    return new RoomSequencer({
      lastSeq,
      apply: (entry, update) => {
        this.applied.push({ entry, update });
        this.#check();
      },
      onGap: () => this.#resumeInBackground(),
    });
  }

  #check(): void {
    for (const waiter of [...this.#waiters]) {
      if (waiter.until()) {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.done();
      }
    }
  }

  /** Connects a socket authenticated by the cookie (no automatic reconnection: tests drive it). */
  static async connect(url: string, cookie: string | null, sessionId: string): Promise<LiveClient> {
    const client = new LiveClient(LiveClient.#open(url, cookie), sessionId, cookie);
    await client.#connected();
    return client;
  }

  #connected(): Promise<void> {
    return new Promise((done, fail) => {
      this.socket.once('connect', () => done());
      this.socket.once('connect_error', fail);
    });
  }

  /** Sends a request and returns its acknowledgement (recorded as a frame too). */
  async request<T = Record<string, unknown>>(
    event: string,
    payload: Record<string, unknown> = {},
  ): Promise<{ ok: boolean; code?: string; message?: string } & T> {
    const reply = (await this.socket
      .timeout(15_000)
      .emitWithAck(event, { sessionId: this.sessionId, ...payload })) as {
      ok: boolean;
    } & T;
    this.frames.push({ event: `ack:${event}`, payload: reply });
    return reply;
  }

  /** Joins the session (lobby or room) and, when in the room, catches up from the last applied entry. */
  async join(): Promise<LiveJoinState> {
    const reply = await this.request<{ state: LiveJoinState }>(LIVE_REQUESTS.join);
    if (!reply.ok) throw new Error(`join refused: ${JSON.stringify(reply)}`);
    this.state = reply.state;
    if (reply.state.role !== 'participant' || reply.state.attendance === 'admitted') await this.resume();
    return reply.state;
  }

  /**
   * Resumes without waiting (on admission, on a gap). A connection dropped meanwhile rejects the pending
   * request; that is expected (the next join resumes again), so it is kept in `backgroundErrors`, not left unhandled.
   */
  #resumeInBackground(): void {
    this.resume().catch((error: unknown) => {
      this.backgroundErrors.push(String(error));
    });
  }

  /** Asks for every entry after the last one applied, page by page. */
  resume(): Promise<void> {
    this.#resuming ??= (async () => {
      try {
        for (;;) {
          const reply = await this.request<{ entries: LiveEntry[]; more: boolean }>(LIVE_REQUESTS.resume, {
            afterSeq: this.sequencer.lastSeq,
          });
          if (!reply.ok) return;
          this.sequencer.receive(reply.entries);
          if (!reply.more) return;
        }
      } finally {
        this.#resuming = null;
      }
    })();
    return this.#resuming;
  }

  /** Drops the connection, then connects again on the same object and rejoins (a network blip, a reload). */
  async reconnect(): Promise<void> {
    this.socket.disconnect();
    const connected = this.#connected();
    this.socket.connect();
    await connected;
    await this.join();
  }

  /** Moves to another server process (or a restarted one): a new connection there, then rejoin and resume. */
  async moveTo(url: string): Promise<void> {
    this.socket.close();
    this.socket = LiveClient.#open(url, this.#cookie);
    this.#listen(this.socket);
    await this.#connected();
    await this.join();
  }

  /** Sends a message (`live.send`) and returns the acknowledgement. */
  send(payload: Record<string, unknown>) {
    return this.request<{ seq: number }>(LIVE_REQUESTS.send, {
      clientId: `c${Math.random().toString(36).slice(2)}`,
      ...payload,
    });
  }

  /** The entries applied, by sequence number (the latest version of each). */
  entries(): Map<number, LiveEntry> {
    const out = new Map<number, LiveEntry>();
    for (const { entry } of this.applied) out.set(entry.seq, entry);
    return out;
  }

  /** Resolves once `until` holds (checked on every frame and every applied entry). */
  waitFor(what: string, until: () => boolean, timeoutMs = 15_000): Promise<void> {
    if (until()) return Promise.resolve();
    return new Promise((done, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`timed out waiting for ${what}; last seq ${this.sequencer.lastSeq}`)),
        timeoutMs,
      );
      this.#waiters.push({
        until,
        done: () => {
          clearTimeout(timer);
          done();
        },
      });
    });
  }

  /** Resolves once entries up to `seq` are applied. */
  waitForSeq(seq: number, timeoutMs?: number): Promise<void> {
    return this.waitFor(`seq ${seq}`, () => this.sequencer.lastSeq >= seq, timeoutMs);
  }

  /** Resolves once an event arrives that matches. */
  waitForEvent(
    event: string,
    match: (payload: unknown) => boolean = () => true,
    timeoutMs?: number,
  ): Promise<void> {
    return this.waitFor(
      event,
      () => this.frames.some((f) => f.event === event && match(f.payload)),
      timeoutMs,
    );
  }

  /** Closes the socket. */
  close(): void {
    this.socket.close();
  }
}
