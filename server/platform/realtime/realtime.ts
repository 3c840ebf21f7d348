import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { Server, type Socket } from 'socket.io';
import type { Actor } from '../authz/actor.ts';
import type { Logger } from '../log/logger.ts';

/**
 * Decides whether an actor may join a channel (`community:<id>`, `user:<id>`...). Registered per channel
 * prefix by the areas that own the channels; a join is authorized like a read (DESIGN rule 9).
 */
export type ChannelAuthorizer = (actor: Actor | null, id: string) => Promise<boolean>;

/** Called for every new (or recovered) socket with its actor: areas attach their own socket events. */
export type ConnectionListener = (socket: Socket, actor: Actor | null) => void;

/** Resolves the actor of a socket handshake from its headers (the session cookie). */
export type HandshakeAuthenticator = (headers: Headers) => Promise<Actor | null>;

interface SocketData {
  actor: Actor | null;
}

const actorOf = (socket: Socket): Actor | null => (socket.data as SocketData).actor ?? null;

const CHANNEL_RE = /^([a-z-]+):([0-9a-f-]{36})$/;

/**
 * Real time over Socket.IO. Without Redis: the in-memory adapter with connection-state recovery. With
 * REDIS_URL: the Redis streams adapter, which also recovers missed messages across processes.
 */
export class Realtime {
  readonly #log: Logger;
  readonly #authorizers = new Map<string, ChannelAuthorizer>();
  readonly #listeners: ConnectionListener[] = [];
  #io: Server | null = null;
  #redis: ReturnType<typeof createClient> | null = null;

  constructor(log: Logger) {
    this.#log = log;
  }

  /** Registers who may join the channels with this prefix. */
  channel(prefix: string, authorizer: ChannelAuthorizer): void {
    this.#authorizers.set(prefix, authorizer);
  }

  /** Registers a listener for every new socket (an area's own socket events, e.g. the live protocol). */
  onConnection(listener: ConnectionListener): void {
    this.#listeners.push(listener);
  }

  /** Attaches Socket.IO to the HTTP server. */
  async attach(
    server: HttpServer,
    options: { redisUrl: string | null; authenticate: HandshakeAuthenticator },
  ) {
    const io = new Server(server, {
      path: '/socket.io',
      serveClient: false,
      connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
      cors: { origin: false },
    });
    if (options.redisUrl) {
      this.#redis = createClient({ url: options.redisUrl });
      this.#redis.on('error', (error) => this.#log.error({ err: error }, 'redis error'));
      await this.#redis.connect();
      io.adapter(createAdapter(this.#redis, { streamName: 'cercle:socket.io', maxLen: 100_000 }));
    }
    io.use(async (socket, next) => {
      try {
        const headers = new Headers();
        for (const [key, value] of Object.entries(socket.handshake.headers)) {
          if (typeof value === 'string') headers.set(key, value);
        }
        (socket.data as SocketData).actor = await options.authenticate(headers);
        next();
      } catch (error) {
        this.#log.warn({ err: error }, 'socket authentication failed');
        next(new Error('unauthenticated'));
      }
    });
    io.on('connection', (socket) => this.#onConnection(socket));
    this.#io = io;
  }

  #onConnection(socket: Socket): void {
    for (const listener of this.#listeners) listener(socket, actorOf(socket));
    socket.on(
      'subscribe',
      async (payload: unknown, ack?: (reply: { ok: boolean; code?: string }) => void) => {
        const reply = typeof ack === 'function' ? ack : () => undefined;
        const channel = (payload as { channel?: unknown } | null)?.channel;
        const match = typeof channel === 'string' ? CHANNEL_RE.exec(channel) : null;
        const authorizer = match ? this.#authorizers.get(match[1]) : undefined;
        if (!match || !authorizer) return reply({ ok: false, code: 'bad_request' });
        try {
          if (!(await authorizer(actorOf(socket), match[2]))) {
            return reply({ ok: false, code: actorOf(socket) ? 'forbidden' : 'unauthenticated' });
          }
          await socket.join(channel as string);
          reply({ ok: true });
        } catch (error) {
          this.#log.error({ err: error }, 'subscribe failed');
          reply({ ok: false, code: 'internal' });
        }
      },
    );
    socket.on('unsubscribe', async (payload: unknown) => {
      const channel = (payload as { channel?: unknown } | null)?.channel;
      if (typeof channel === 'string') await socket.leave(channel);
    });
  }

  /** Sends an event to every socket in a channel, on every process. No-op before `attach`. */
  publish(channel: string, event: string, payload: unknown): void {
    this.#io?.to(channel).emit(event, payload);
  }

  /**
   * Sends an event to the sockets in any of `rooms` but none of `except`, on every process. No-op before
   * `attach`. Rooms are server-side names (areas join sockets to them); clients cannot subscribe to them.
   */
  send(rooms: readonly string[], event: string, payload: unknown, except: readonly string[] = []): void {
    if (!this.#io || rooms.length === 0) return;
    let target = this.#io.to([...rooms]);
    if (except.length > 0) target = target.except([...except]);
    target.emit(event, payload);
  }

  /** Makes every socket in `room`, on every process, join `rooms`. */
  joinRooms(room: string, rooms: readonly string[]): void {
    this.#io?.in(room).socketsJoin([...rooms]);
  }

  /** Makes every socket in `room`, on every process, leave `rooms`. */
  leaveRooms(room: string, rooms: readonly string[]): void {
    this.#io?.in(room).socketsLeave([...rooms]);
  }

  /** How many sockets, on every process, are in `room`. */
  async countSockets(room: string): Promise<number> {
    if (!this.#io) return 0;
    return (await this.#io.in(room).fetchSockets()).length;
  }

  /** Closes sockets and the Redis connection. */
  async close(): Promise<void> {
    if (this.#io) {
      await new Promise<void>((resolve) => this.#io!.close(() => resolve()));
      this.#io = null;
    }
    if (this.#redis) {
      await this.#redis.quit().catch(() => undefined);
      this.#redis = null;
    }
  }
}
