import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../config.ts';
import { createAuth, type Auth } from './auth/auth.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import type { DB } from './db/schema.ts';
import { appendEvent, EventDispatcher, type NewEvent } from './events/outbox.ts';
import { Jobs } from './jobs/jobs.ts';
import { createLogger, type Logger } from './log/logger.ts';
import { PublicCache } from './http/public-cache.ts';
import { Mailer } from './mail/mailer.ts';
import { Realtime } from './realtime/realtime.ts';
import { HttpSmsSender } from './sms/http-sms-sender.ts';
import { OutboxSmsSender, type SmsSender } from './sms/sms-sender.ts';

/** The process-wide services every command and route reaches through its context. */
export interface Kernel {
  config: Config;
  log: Logger;
  database: Database;
  db: Kysely<DB>;
  dispatcher: EventDispatcher;
  jobs: Jobs;
  mailer: Mailer;
  /**
   * Text messages (phone validation codes): captured in the SMS outbox by default (embedded mode), sent
   * through a Twilio-compatible API with `SMS_PROVIDER=twilio` (`HttpSmsSender`).
   */
  sms: SmsSender;
  auth: Auth;
  realtime: Realtime;
  /** Anonymous public responses, kept a few seconds and dropped by their community's events. */
  publicCache: PublicCache;
  /** Starts background parts: pg-boss (and its workers on worker processes) and the outbox sweep. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR. */
export function openConfiguredDatabase(config: Config): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : openDatabase({ kind: 'pglite', dataDir: config.dataDir });
}

/**
 * Builds the kernel on an open (or newly opened) database and migrates it.
 * @throws DataDirLockedError, or the migration error.
 */
export async function createKernel(
  config: Config,
  options: { database?: Database; log?: Logger } = {},
): Promise<Kernel> {
  const log = options.log ?? createLogger(config);
  const database = options.database ?? (await openConfiguredDatabase(config));
  await migrateToLatest(database.db);
  const db = database.db;
  const dispatcher = new EventDispatcher(db, log);
  const jobs = new Jobs(database, log, {
    connectionString: config.databaseUrl,
    work: config.roles.includes('worker'),
  });
  const mailer = new Mailer({ db, jobs, log, smtpUrl: config.smtpUrl, from: config.mailFrom });
  const sms: SmsSender =
    config.sms.provider === 'twilio'
      ? new HttpSmsSender({ db, jobs, log, config: config.sms })
      : new OutboxSmsSender(db);
  const auth = createAuth({ config, db, mailer, log });
  const realtime = new Realtime(log);
  const publicCache = new PublicCache();
  let started = false;
  return {
    config,
    log,
    database,
    db,
    dispatcher,
    jobs,
    mailer,
    sms,
    auth,
    realtime,
    publicCache,
    async start() {
      if (started) return;
      started = true;
      const worker = config.roles.includes('worker');
      await jobs.start({ work: worker });
      if (worker) dispatcher.start();
    },
    async close() {
      await dispatcher.stop();
      await jobs.stop();
      await realtime.close();
      await database.close();
    },
  };
}

/** Appends events from inside `transact`. */
export type Emit = (event: NewEvent) => Promise<string>;

/** How many times `transact` runs a transaction PostgreSQL aborted to break a deadlock. */
const DEADLOCK_ATTEMPTS = 3;

/** PostgreSQL's "deadlock detected": the whole transaction was rolled back, so it can run again. */
const isDeadlock = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '40P01';

/**
 * Runs `work` in a transaction; events it emits are written to the outbox in that transaction and
 * dispatched after the commit (DESIGN rule 6). Inside, every query must go through `trx`. A transaction
 * chosen by PostgreSQL as a deadlock's victim (two transactions taking the same rows in opposite orders)
 * is run again from the start, up to three times in all, so `work` must have no effect outside `trx`.
 */
export async function transact<T>(
  kernel: Kernel,
  work: (trx: Transaction<DB>, emit: Emit) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let emitted = false;
    const communities = new Set<string>();
    let result: T;
    try {
      result = await kernel.db.transaction().execute((trx) =>
        work(trx, (event) => {
          emitted = true;
          if (event.communityId) communities.add(event.communityId);
          return appendEvent(trx, event);
        }),
      );
    } catch (error) {
      if (attempt < DEADLOCK_ATTEMPTS && isDeadlock(error)) continue;
      throw error;
    }
    // What anonymous readers were served from this process's cache is stale now (other processes keep
    // theirs at most the entries' few seconds: see PublicCache).
    for (const id of communities) kernel.publicCache.invalidate(`community:${id}`);
    if (emitted) void kernel.dispatcher.kick();
    return result;
  }
}
