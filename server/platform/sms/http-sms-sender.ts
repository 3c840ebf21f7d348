import { type Kysely, sql, type Transaction } from 'kysely';
import type { SmsConfig } from '../../config.ts';
import type { DB } from '../db/schema.ts';
import type { SmsStatus } from '../db/schema-recruitment.ts';
import type { Jobs } from '../jobs/jobs.ts';
import type { Logger } from '../log/logger.ts';
import { type OutgoingSms, type SmsSender, storeSms } from './sms-sender.ts';

const SEND_JOB = 'sms.send';
/** Delivery attempts before a message is marked `failed` (the job's first run plus its retries). */
export const MAX_SMS_ATTEMPTS = 5;

/** A refusal the provider will give again (a bad number, a bad account): no point in retrying. */
class PermanentSmsError extends Error {}

/**
 * Sends text messages through a Twilio-compatible REST API (`POST {baseUrl}/2010-04-01/Accounts/{sid}/
 * Messages.json`, HTTP Basic auth, form fields `To`, `From`, `Body`). Each message is stored in the SMS
 * outbox as `queued` in the caller's transaction with an `sms.send` job; the job (on a worker, after the
 * commit) calls the provider with a timeout: success marks it `sent` with the provider's id; a network
 * error, a timeout, a 429 or a 5xx is retried by the queue (up to `MAX_SMS_ATTEMPTS` in all) and any other
 * refusal marks it `failed` at once. Every failure is logged (`sms delivery failed`) and kept in `error`.
 */
export class HttpSmsSender implements SmsSender {
  readonly provider = 'twilio';
  readonly #db: Kysely<DB>;
  readonly #jobs: Jobs;
  readonly #log: Logger;
  readonly #config: Extract<SmsConfig, { provider: 'twilio' }>;
  readonly #fetch: typeof fetch;

  constructor(options: {
    db: Kysely<DB>;
    jobs: Jobs;
    log: Logger;
    config: Extract<SmsConfig, { provider: 'twilio' }>;
    fetch?: typeof fetch;
  }) {
    this.#db = options.db;
    this.#jobs = options.jobs;
    this.#log = options.log;
    this.#config = options.config;
    this.#fetch = options.fetch ?? fetch;
    this.#jobs.define<{ id: string }>({
      name: SEND_JOB,
      retryLimit: MAX_SMS_ATTEMPTS - 1,
      handler: ({ id }) => this.deliver(id),
    });
  }

  /** Stores the message as `queued` and enqueues its delivery (both in `trx` when given); returns its id. */
  async send(sms: OutgoingSms, trx?: Transaction<DB>): Promise<string> {
    const id = await storeSms(trx ?? this.#db, sms, 'queued');
    await this.#jobs.send(SEND_JOB, { id }, { trx });
    return id;
  }

  /**
   * Sends one stored message (the job handler); a message already sent or failed is left alone.
   * @throws the delivery error when it is worth retrying, so that the queue retries it.
   */
  async deliver(id: string): Promise<void> {
    const message = await this.#db
      .selectFrom('sms_messages')
      .select(['id', 'to_number', 'body', 'status'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!message || message.status !== 'queued') return;
    try {
      const ref = await this.#post(message.to_number, message.body);
      await this.#db
        .updateTable('sms_messages')
        .set((eb) => ({
          status: 'sent',
          sent_at: new Date(),
          provider_ref: ref,
          error: null,
          attempts: eb('attempts', '+', 1),
        }))
        .where('id', '=', id)
        .execute();
    } catch (error) {
      const permanent = error instanceof PermanentSmsError;
      const text = String((error as Error).message).slice(0, 1000);
      this.#log.warn({ sms: id, to: message.to_number, error: text, permanent }, 'sms delivery failed');
      await this.#db
        .updateTable('sms_messages')
        .set((eb) => ({
          attempts: eb('attempts', '+', 1),
          error: text,
          status: permanent
            ? 'failed'
            : sql<SmsStatus>`CASE WHEN attempts + 1 >= ${MAX_SMS_ATTEMPTS} THEN 'failed' ELSE status END`,
        }))
        .where('id', '=', id)
        .execute();
      if (!permanent) throw error;
    }
  }

  /** Calls the provider; returns its message id. */
  async #post(to: string, body: string): Promise<string | null> {
    const { baseUrl, accountSid, authToken, from, timeoutMs } = this.#config;
    const url = `${baseUrl}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`;
    let response: Response;
    try {
      response = await this.#fetch(url, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({ To: to, From: from, Body: body }).toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const name = (error as Error).name;
      throw new Error(
        name === 'TimeoutError'
          ? `SMS provider did not answer within ${timeoutMs} ms`
          : `SMS provider unreachable: ${(error as Error).message}`,
      );
    }
    const text = await response.text();
    let json: { sid?: unknown; message?: unknown; code?: unknown } = {};
    try {
      json = JSON.parse(text) as typeof json;
    } catch {
      // Not JSON: the status says enough.
    }
    if (response.ok) return typeof json.sid === 'string' ? json.sid.slice(0, 100) : null;
    const code = typeof json.code === 'number' || typeof json.code === 'string' ? `, code ${json.code}` : '';
    const detail = typeof json.message === 'string' ? json.message : text.slice(0, 200);
    const message = `SMS provider refused the message (HTTP ${response.status}${code}): ${detail}`;
    if (response.status === 429 || response.status >= 500) throw new Error(message);
    throw new PermanentSmsError(message);
  }
}
