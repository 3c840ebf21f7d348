import type { Kysely, Transaction } from 'kysely';
import { type Locale, type MessageKey, type MessageParams, translate } from '../../../common/i18n/index.ts';
import { newId } from '../db/ids.ts';
import type { DB } from '../db/schema.ts';
import type { SmsStatus } from '../db/schema-recruitment.ts';

/** A text message to send: an E.164 number, a kind (for filtering) and its localized text. */
export interface OutgoingSms {
  to: string;
  kind: string;
  locale: Locale;
  bodyKey: MessageKey;
  params: MessageParams;
}

/**
 * Sends text messages. Every implementation stores each message in `sms_messages` (the SMS outbox that
 * platform admins read), in the caller's transaction when given one, and returns its id. A provider that
 * talks to a gateway does so after the commit (never inside a transaction).
 */
export interface SmsSender {
  /** Which provider this is (shown on the outbox page). */
  readonly provider: string;
  send(sms: OutgoingSms, trx?: Transaction<DB>): Promise<string>;
}

/** Stores one message in the SMS outbox with a status. */
export async function storeSms(
  db: Kysely<DB> | Transaction<DB>,
  sms: OutgoingSms,
  status: SmsStatus,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('sms_messages')
    .values({
      id,
      to_number: sms.to,
      body: translate(sms.locale, sms.bodyKey, sms.params),
      kind: sms.kind,
      locale: sms.locale,
      status,
    })
    .execute();
  return id;
}

/**
 * The embedded-mode provider: messages are only captured in the SMS outbox (visible on the admin outbox
 * page), never sent. Tests and the demo read codes from there.
 */
export class OutboxSmsSender implements SmsSender {
  readonly provider = 'outbox';
  readonly #db: Kysely<DB>;

  constructor(db: Kysely<DB>) {
    this.#db = db;
  }

  /** Captures the message; returns its id. */
  send(sms: OutgoingSms, trx?: Transaction<DB>): Promise<string> {
    return storeSms(trx ?? this.#db, sms, 'captured');
  }
}

/** The latest captured or sent text messages, newest first (the admin outbox page). */
export async function listSmsMessages(db: Kysely<DB>, limit: number) {
  return db
    .selectFrom('sms_messages')
    .select(['id', 'to_number', 'body', 'kind', 'status', 'attempts', 'error', 'created_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
