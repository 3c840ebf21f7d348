import { CompiledQuery, type Transaction } from 'kysely';
import { PgBoss } from 'pg-boss';
import type pg from 'pg';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import type { Logger } from '../log/logger.ts';

/** A background job handler: receives the job data; throwing makes pg-boss retry it. */
export type JobHandler<T> = (data: T) => Promise<void>;

/** Queue settings for a job kind. */
export interface JobDefinition<T> {
  name: string;
  retryLimit?: number;
  /** A cron expression (UTC): worker processes make pg-boss enqueue the job on that schedule. */
  cron?: string;
  handler: JobHandler<T>;
}

/** Adapter that runs pg-boss SQL on our pool (one connection on PGlite, so it queues like any query). */
function poolAdapter(pool: pg.Pool) {
  return {
    executeSql: async (text: string, values?: unknown[]) => {
      // pg returns an array of results for a multi-statement text (pg-boss sends BEGIN…COMMIT blocks):
      // hand pg-boss the raw result, as its own pool-based adapter does.
      return (await pool.query(text, values as unknown[])) as unknown as { rows: unknown[] };
    },
  };
}

/** Adapter that runs pg-boss SQL inside a Kysely transaction (transactional enqueue). */
function transactionAdapter(trx: Transaction<DB>) {
  return {
    executeSql: async (text: string, values?: unknown[]) => {
      const result = await trx.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: result.rows };
    },
  };
}

/**
 * The job system (pg-boss). Every process can enqueue; only `worker` processes run handlers.
 * On PGlite pg-boss runs through the same single-connection pool as everything else.
 */
export class Jobs {
  readonly #boss: PgBoss;
  readonly #log: Logger;
  readonly #definitions = new Map<string, JobDefinition<never>>();
  #started = false;

  /**
   * @param options.work whether this process runs handlers (a `worker` process): only such processes run
   *   pg-boss's maintenance (supervision of queues) and its cron pass, so a `web`-only process polls nothing.
   */
  constructor(
    database: Database,
    log: Logger,
    options: { connectionString?: string | null; work?: boolean } = {},
  ) {
    this.#log = log;
    const work = options.work ?? true;
    const common = {
      schema: 'pgboss',
      pollingIntervalSeconds: 1,
      monitorIntervalSeconds: 600,
      supervise: work,
      schedule: work,
    } as const;
    this.#boss =
      database.kind === 'postgres' && options.connectionString
        ? new PgBoss({ ...common, connectionString: options.connectionString, max: 4 })
        : new PgBoss({ ...common, db: poolAdapter(database.pool), backend: 'pglite' });
    this.#boss.on('error', (error) => log.error({ err: error }, 'pg-boss error'));
  }

  /** Declares a job kind; its handler runs only once `start({ work: true })` was called. */
  define<T>(definition: JobDefinition<T>): void {
    this.#definitions.set(definition.name, definition);
  }

  /** Starts pg-boss (creating its schema if needed) and, for worker processes, the handlers. */
  async start(options: { work: boolean }): Promise<void> {
    await this.#boss.start();
    this.#started = true;
    for (const def of this.#definitions.values()) {
      await this.#boss.createQueue(def.name, {
        retryLimit: def.retryLimit ?? 5,
        retryBackoff: true,
        retryDelay: 5,
      });
      if (options.work && def.cron) await this.#boss.schedule(def.name, def.cron);
      if (options.work) {
        await this.#boss.work<Record<string, unknown>>(def.name, async (jobs) => {
          for (const job of jobs) await def.handler(job.data as never);
        });
      }
    }
  }

  /**
   * Enqueues a job. With `trx`, the job is inserted in that transaction and exists only if it commits.
   * @throws Error when the job kind was not defined.
   */
  async send<T extends object>(
    name: string,
    data: T,
    options: { trx?: Transaction<DB>; startAfterSeconds?: number } = {},
  ) {
    if (!this.#definitions.has(name)) throw new Error(`Unknown job ${name}`);
    return this.#boss.send(name, data, {
      ...(options.trx ? { db: transactionAdapter(options.trx) } : {}),
      ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
    });
  }

  /** Stops workers and maintenance, letting running jobs finish. */
  async stop(): Promise<void> {
    if (!this.#started) return;
    this.#started = false;
    await this.#boss.stop({ graceful: true, timeout: 10_000 }).catch((error: unknown) => {
      this.#log.warn({ err: error }, 'pg-boss stop failed');
    });
  }
}
