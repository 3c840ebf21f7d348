import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../server/platform/db/ids.ts';
import { EventDispatcher, type StoredEvent } from '../server/platform/events/outbox.ts';
import { createKernel, type Kernel, transact } from '../server/platform/kernel.ts';
import { isolatedKernel, waitFor } from './helpers.ts';

// A database of its own: a dispatcher takes every pending event of its database, so other test files
// (on a shared PostgreSQL) must not see these events, nor these subscribers theirs.
let kernel: Kernel;
beforeAll(async () => {
  kernel = await isolatedKernel();
});
afterAll(async () => {
  await kernel.close();
});

/** A subscriber that records each run in memory and, through its transaction, in the audit log. */
function recorder(type: string, options: { failFirst?: boolean } = {}) {
  const name = `recorder-${newId()}`;
  const handled: string[] = [];
  const afterCommit: string[] = [];
  let runs = 0;
  return {
    name,
    handled,
    afterCommit,
    get runs() {
      return runs;
    },
    subscriber: {
      name,
      events: [type],
      handle: async (event: StoredEvent, trx: Parameters<Parameters<typeof transact>[1]>[0]) => {
        runs++;
        await trx
          .insertInto('audit_log')
          .values({
            id: newId(),
            community_id: null,
            actor_user_id: null,
            action: name,
            target_type: 'event',
            target_id: event.id,
            data: '{}',
          })
          .execute();
        if (options.failFirst && runs === 1) throw new Error('subscriber crashed on purpose');
        handled.push(event.id);
      },
      afterCommit: (event: StoredEvent) => {
        afterCommit.push(event.id);
      },
    },
  };
}

/** Rows a subscriber's committed runs wrote for an event. */
async function writesOf(name: string, eventId: string): Promise<number> {
  const rows = await kernel.db
    .selectFrom('audit_log')
    .select('id')
    .where('action', '=', name)
    .where('target_id', '=', eventId)
    .execute();
  return rows.length;
}

async function outboxRow(id: string) {
  return kernel.db.selectFrom('outbox_events').selectAll().where('id', '=', id).executeTakeFirst();
}

function emitIn(k: Kernel, type: string) {
  return transact(k, (_trx, emit) => emit({ type, communityId: null, actorUserId: null, payload: { n: 1 } }));
}

describe('the outbox dispatcher', () => {
  it('runs a subscriber exactly once after the commit, however often and concurrently dispatch runs', async () => {
    const type = `test.once.${newId()}`;
    const sub = recorder(type);
    kernel.dispatcher.subscribe(sub.subscriber);
    const id = await emitIn(kernel, type);
    await Promise.all([
      kernel.dispatcher.kick(),
      kernel.dispatcher.kick(),
      kernel.dispatcher.dispatchPending(),
      kernel.dispatcher.dispatchPending(),
      kernel.dispatcher.kick(),
    ]);
    await kernel.dispatcher.kick();
    await kernel.dispatcher.dispatchPending();

    expect(sub.handled).toEqual([id]);
    expect(sub.afterCommit).toEqual([id]);
    expect(await writesOf(sub.name, id)).toBe(1);
    expect((await outboxRow(id))?.dispatched_at).toBeInstanceOf(Date);
    const deliveries = await kernel.db
      .selectFrom('event_deliveries')
      .selectAll()
      .where('event_id', '=', id)
      .execute();
    expect(deliveries.map((d) => d.subscriber)).toEqual([sub.name]);
  });

  it('never runs a subscriber for an event whose transaction rolled back', async () => {
    const type = `test.rollback.${newId()}`;
    const sub = recorder(type);
    kernel.dispatcher.subscribe(sub.subscriber);
    let emitted: string | null = null;
    const slug = `rb-${newId().slice(-10)}`;
    await expect(
      transact(kernel, async (trx, emit) => {
        await trx.insertInto('communities').values({ id: newId(), slug, name: 'Rolled back' }).execute();
        emitted = await emit({ type, communityId: null, actorUserId: null, payload: {} });
        throw new Error('the command failed after emitting');
      }),
    ).rejects.toThrow('the command failed after emitting');
    await kernel.dispatcher.kick();
    await kernel.dispatcher.dispatchPending();

    expect(emitted).not.toBeNull();
    expect(await outboxRow(emitted!)).toBeUndefined();
    expect(sub.runs).toBe(0);
    expect(sub.afterCommit).toEqual([]);
    const community = await kernel.db
      .selectFrom('communities')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirst();
    expect(community).toBeUndefined();
  });

  it('delivers, once, an event committed by a process that crashed before dispatching it', async () => {
    const type = `test.crash.${newId()}`;
    const sub = recorder(type);
    // The "crashed" process: same database, its dispatcher stopped, so nothing runs after the commit.
    const crashed = await createKernel(kernel.config, { database: kernel.database, log: kernel.log });
    crashed.dispatcher.subscribe(sub.subscriber);
    await crashed.dispatcher.stop();
    const id = await emitIn(crashed, type);
    await crashed.dispatcher.kick();
    expect(sub.runs).toBe(0);
    expect((await outboxRow(id))?.dispatched_at).toBeNull();

    // The restarted process: a new dispatcher with the same subscriber finds the event and delivers it.
    const restarted = new EventDispatcher(kernel.db, kernel.log);
    restarted.subscribe(sub.subscriber);
    expect(await restarted.dispatchPending()).toBeGreaterThanOrEqual(1);
    await restarted.dispatchPending();
    await restarted.kick();
    await restarted.stop();

    expect(sub.handled).toEqual([id]);
    expect(await writesOf(sub.name, id)).toBe(1);
    expect((await outboxRow(id))?.dispatched_at).toBeInstanceOf(Date);
  });

  it('stops after the event in hand, leaving a backlog pending for the next start (prompt shutdown)', async () => {
    const type = `test.backlog.${newId()}`;
    const sub = recorder(type);
    // Emitted by a process whose dispatcher is stopped: only the dispatchers below see these events.
    const emitter = await createKernel(kernel.config, { database: kernel.database, log: kernel.log });
    await emitter.dispatcher.stop();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await emitIn(emitter, type));
    const stopping = new EventDispatcher(kernel.db, kernel.log);
    const stops: Promise<void>[] = [];
    stopping.subscribe({
      ...sub.subscriber,
      handle: async (event, trx) => {
        await sub.subscriber.handle(event, trx);
        // SIGTERM arrives while the first event of the backlog is being delivered.
        if (stops.length === 0) stops.push(stopping.stop());
      },
    });
    await stopping.kick();
    await Promise.all(stops);
    expect(stops).toHaveLength(1);

    expect(sub.handled).toEqual([ids[0]]);
    expect((await outboxRow(ids[0]))?.dispatched_at).toBeInstanceOf(Date);
    for (const id of ids.slice(1)) expect((await outboxRow(id))?.dispatched_at).toBeNull();
    expect(await stopping.dispatchPending()).toBe(0);

    // The next process delivers the rest, each once.
    const next = new EventDispatcher(kernel.db, kernel.log);
    next.subscribe(sub.subscriber);
    await next.kick();
    await next.stop();
    expect(sub.handled).toEqual(ids);
    for (const id of ids) expect(await writesOf(sub.name, id)).toBe(1);
  });

  it('retries a subscriber that threw, without re-running one that succeeded', async () => {
    const type = `test.retry.${newId()}`;
    const good = recorder(type);
    const flaky = recorder(type, { failFirst: true });
    // Dispatch by hand, one pass at a time: the event is committed by a kernel whose dispatcher is
    // stopped, and delivered by a dispatcher of its own.
    const idle = new EventDispatcher(kernel.db, kernel.log);
    await idle.stop();
    const dispatcher = new EventDispatcher(kernel.db, kernel.log);
    dispatcher.subscribe(good.subscriber);
    dispatcher.subscribe(flaky.subscriber);
    const id = await emitIn({ ...kernel, dispatcher: idle }, type);

    await dispatcher.dispatchPending();
    const failed = await outboxRow(id);
    expect(failed).toMatchObject({ dispatched_at: null, failed_at: null, attempts: 1 });
    expect(failed?.last_error).toContain('subscriber crashed on purpose');
    expect(good.handled).toEqual([id]);
    expect(flaky.runs).toBe(1);
    expect(await writesOf(flaky.name, id)).toBe(0); // the failed run's writes rolled back with it

    await dispatcher.dispatchPending();
    expect(good.runs).toBe(1);
    expect(good.afterCommit).toEqual([id]);
    expect(flaky.runs).toBe(2);
    expect(flaky.handled).toEqual([id]);
    expect(await writesOf(good.name, id)).toBe(1);
    expect(await writesOf(flaky.name, id)).toBe(1);
    expect((await outboxRow(id))?.dispatched_at).toBeInstanceOf(Date);

    await dispatcher.dispatchPending();
    expect([good.runs, flaky.runs]).toEqual([1, 2]);
  });
});

describe('pg-boss jobs', () => {
  it('runs a job sent in a committed transaction once, and never one whose transaction rolled back', async () => {
    const name = `test-job-${newId().slice(-8)}`;
    const handled: string[] = [];
    kernel.jobs.define<{ tag: string }>({
      name,
      retryLimit: 0,
      handler: async ({ tag }) => {
        handled.push(tag);
      },
    });
    await kernel.jobs.start({ work: true });

    let rolledBack: string | null = null;
    await expect(
      kernel.db.transaction().execute(async (trx) => {
        rolledBack = await kernel.jobs.send(name, { tag: 'rolled-back' }, { trx });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const committed = await kernel.db
      .transaction()
      .execute((trx) => kernel.jobs.send(name, { tag: 'committed' }, { trx }));
    expect(rolledBack).toBeTruthy();
    expect(committed).toBeTruthy();

    const state = async (id: string) => {
      const { rows } = await sql<{ state: string }>`SELECT state FROM pgboss.job WHERE id = ${id}`.execute(
        kernel.db,
      );
      return rows[0]?.state;
    };
    await waitFor(async () => (await state(committed!)) === 'completed', 30_000);
    expect(handled).toEqual(['committed']);
    expect(await state(rolledBack!)).toBeUndefined();
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${name}`.execute(kernel.db);
    expect(rows[0]?.n).toBe(1);
  });
});
