import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import { newId } from '../db/ids.ts';
import type { DB } from '../db/schema.ts';
import type { Logger } from '../log/logger.ts';

/** An event as stored in the outbox and handed to subscribers. */
export interface StoredEvent<P = Record<string, unknown>> {
  id: string;
  type: string;
  communityId: string | null;
  actorUserId: string | null;
  payload: P;
  createdAt: Date;
}

/** What a command appends: the event type, its community and its payload. */
export interface NewEvent<P = Record<string, unknown>> {
  type: string;
  communityId: string | null;
  actorUserId: string | null;
  payload: P;
}

/**
 * Appends an event to the outbox inside the caller's transaction, so it exists if and only if the
 * command's writes commit (DESIGN rule 6).
 */
export async function appendEvent(trx: Transaction<DB>, event: NewEvent): Promise<string> {
  const id = newId();
  await trx
    .insertInto('outbox_events')
    .values({
      id,
      type: event.type,
      community_id: event.communityId,
      actor_user_id: event.actorUserId,
      payload: JSON.stringify(event.payload),
    })
    .execute();
  return id;
}

/**
 * A reaction to events. `handle` runs inside a transaction (`trx`): whatever it writes commits together
 * with the delivery record, so it runs exactly once per event even across crashes and processes.
 * Side effects outside the database (a socket broadcast) belong in `afterCommit`.
 */
export interface Subscriber {
  name: string;
  /** Event types handled, or '*' for all. */
  events: readonly string[] | '*';
  handle(event: StoredEvent, trx: Transaction<DB>): Promise<void>;
  afterCommit?(event: StoredEvent): Promise<void> | void;
}

const MAX_ATTEMPTS = 10;

/**
 * Runs subscribers for committed outbox events. `kick()` after a commit dispatches promptly; a periodic
 * sweep catches events left by a crash between commit and dispatch. Each (event, subscriber) pair runs
 * once: its delivery row is written in the same transaction as the subscriber's own writes.
 */
export class EventDispatcher {
  readonly #db: Kysely<DB>;
  readonly #log: Logger;
  readonly #subscribers: Subscriber[] = [];
  #running: Promise<void> | null = null;
  #again = false;
  #timer: NodeJS.Timeout | null = null;
  #stopped = false;

  constructor(db: Kysely<DB>, log: Logger) {
    this.#db = db;
    this.#log = log;
  }

  /** Registers a subscriber; names must be unique (they key the delivery records). */
  subscribe(subscriber: Subscriber): void {
    if (this.#subscribers.some((s) => s.name === subscriber.name)) {
      throw new Error(`Subscriber ${subscriber.name} is already registered`);
    }
    this.#subscribers.push(subscriber);
  }

  /** Asks for a dispatch soon; concurrent kicks coalesce into one run. Never throws. */
  kick(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      do {
        this.#again = false;
        try {
          await this.dispatchPending();
        } catch (error) {
          this.#log.error({ err: error }, 'event dispatch failed');
        }
      } while (this.#again && !this.#stopped);
    })().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  /** Starts the periodic sweep (crash recovery, retries). */
  start(intervalMs = 5000): void {
    this.#stopped = false;
    this.#timer = setInterval(() => void this.kick(), intervalMs);
    this.#timer.unref();
    void this.kick();
  }

  /**
   * Stops the sweep and waits for the current run, which ends after the event in hand: a backlog (a burst
   * of replies fanning out to their followers) stays pending for the next start, not drained at shutdown.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    await this.#running;
  }

  /**
   * Dispatches every pending event once; returns how many events were completed. A stopped dispatcher
   * starts no new event (each event's deliveries commit on their own, so what is left stays pending).
   */
  async dispatchPending(): Promise<number> {
    let completed = 0;
    while (!this.#stopped) {
      const batch = await this.#db
        .selectFrom('outbox_events')
        .select(['id', 'type', 'community_id', 'actor_user_id', 'payload', 'created_at'])
        .where('dispatched_at', 'is', null)
        .where('failed_at', 'is', null)
        .orderBy('id')
        .limit(100)
        .execute();
      if (batch.length === 0) return completed;
      let progressed = false;
      for (const row of batch) {
        if (this.#stopped) return completed;
        const event: StoredEvent = {
          id: row.id,
          type: row.type,
          communityId: row.community_id,
          actorUserId: row.actor_user_id,
          payload: row.payload as Record<string, unknown>,
          createdAt: row.created_at,
        };
        if (await this.#dispatchOne(event)) {
          completed++;
          progressed = true;
        }
      }
      if (!progressed || batch.length < 100) return completed;
    }
    return completed;
  }

  async #dispatchOne(event: StoredEvent): Promise<boolean> {
    const subscribers = this.#subscribers.filter((s) => s.events === '*' || s.events.includes(event.type));
    try {
      for (const subscriber of subscribers) {
        const ran = await this.#db.transaction().execute(async (trx) => {
          const locked = await trx
            .selectFrom('outbox_events')
            .select('id')
            .where('id', '=', event.id)
            .where('dispatched_at', 'is', null)
            .forUpdate()
            .skipLocked()
            .executeTakeFirst();
          if (!locked) return false;
          const inserted = await trx
            .insertInto('event_deliveries')
            .values({ event_id: event.id, subscriber: subscriber.name })
            .onConflict((oc) => oc.doNothing())
            .returning('event_id')
            .executeTakeFirst();
          if (!inserted) return false;
          await subscriber.handle(event, trx);
          return true;
        });
        if (ran && subscriber.afterCommit) {
          try {
            await subscriber.afterCommit(event);
          } catch (error) {
            this.#log.warn(
              { err: error, event: event.id, subscriber: subscriber.name },
              'afterCommit failed',
            );
          }
        }
      }
      // Close the event only once every matching subscriber has its delivery row: a subscriber skipped
      // here because another process holds it stays pending until that process (or a later sweep) is done.
      if (subscribers.length > 0) {
        const delivered = await this.#db
          .selectFrom('event_deliveries')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('event_id', '=', event.id)
          .where(
            'subscriber',
            'in',
            subscribers.map((s) => s.name),
          )
          .executeTakeFirstOrThrow();
        if (Number(delivered.n) < subscribers.length) return false;
      }
      const done = await this.#db
        .updateTable('outbox_events')
        .set({ dispatched_at: sql<Date>`now()` })
        .where('id', '=', event.id)
        .where('dispatched_at', 'is', null)
        .executeTakeFirst();
      return Number(done.numUpdatedRows) > 0;
    } catch (error) {
      this.#log.error({ err: error, event: event.id, type: event.type }, 'subscriber failed; will retry');
      await this.#db
        .updateTable('outbox_events')
        .set((eb) => ({
          attempts: eb('attempts', '+', 1),
          last_error: String((error as Error)?.message ?? error).slice(0, 2000),
          failed_at: sql<Date | null>`CASE WHEN attempts + 1 >= ${MAX_ATTEMPTS} THEN now() ELSE NULL END`,
        }))
        .where('id', '=', event.id)
        .execute();
      return false;
    }
  }
}
