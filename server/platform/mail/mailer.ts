import { type Kysely, sql, type Transaction } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import { type Locale, type MessageKey, type MessageParams, translate } from '../../../common/i18n/index.ts';
import { newId } from '../db/ids.ts';
import type { DB, MailStatus } from '../db/schema.ts';
import type { Jobs } from '../jobs/jobs.ts';
import type { Logger } from '../log/logger.ts';

/** A message to send: recipient, kind (for filtering) and its localized subject and text. */
export interface OutgoingMail {
  to: string;
  kind: string;
  locale: Locale;
  subjectKey: MessageKey;
  bodyKey: MessageKey;
  params: MessageParams;
  /** Extra headers sent as they are, e.g. `List-Unsubscribe` and `List-Unsubscribe-Post` (RFC 8058). */
  headers?: Record<string, string>;
  /** Files to attach (optional): a name, a MIME type and the content as text or bytes. */
  attachments?: { filename: string; contentType: string; content: string | Buffer }[];
}

const SEND_JOB = 'mail.send';
/** Delivery attempts before a message is marked `failed` (the job's first run plus its retries). */
export const MAX_SEND_ATTEMPTS = 7;

/**
 * Outgoing email, with optional attachments. Every message is stored in `mail_messages` (the outbox
 * platform admins read, attachments included). Without
 * SMTP it stays there as `captured`; with `SMTP_URL` a job sends it, with retries.
 */
export class Mailer {
  readonly #db: Kysely<DB>;
  readonly #jobs: Jobs;
  readonly #log: Logger;
  readonly #transport: Transporter | null;
  readonly #from: string;

  constructor(options: { db: Kysely<DB>; jobs: Jobs; log: Logger; smtpUrl: string | null; from: string }) {
    this.#db = options.db;
    this.#jobs = options.jobs;
    this.#log = options.log;
    this.#from = options.from;
    this.#transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
    this.#jobs.define<{ id: string }>({
      name: SEND_JOB,
      retryLimit: MAX_SEND_ATTEMPTS - 1,
      handler: ({ id }) => this.deliver(id),
    });
  }

  /**
   * Stores a message and, with SMTP, enqueues its delivery. Pass `trx` to make both part of a transaction.
   * Returns the stored message id.
   */
  async queue(mail: OutgoingMail, trx?: Transaction<DB>): Promise<string> {
    const [id] = await this.queueMany([mail], trx);
    return id;
  }

  /**
   * Stores several messages in one statement (a notification fan-out) and, with SMTP, enqueues each one's
   * delivery. Pass `trx` to make it part of a transaction. Returns the stored ids, in order.
   */
  async queueMany(mails: readonly OutgoingMail[], trx?: Transaction<DB>): Promise<string[]> {
    if (mails.length === 0) return [];
    const status: MailStatus = this.#transport ? 'queued' : 'captured';
    const rows = mails.map((mail) => ({
      id: newId(),
      to_address: mail.to,
      subject: translate(mail.locale, mail.subjectKey, mail.params),
      text_body: `${translate(mail.locale, mail.bodyKey, mail.params)}\n\n--\n${translate(mail.locale, 'mail.footer')}`,
      kind: mail.kind,
      locale: mail.locale,
      status,
      headers: JSON.stringify(mail.headers ?? {}),
      attachments: JSON.stringify(
        (mail.attachments ?? []).map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.content).toString('base64'),
        })),
      ),
    }));
    await (trx ?? this.#db).insertInto('mail_messages').values(rows).execute();
    if (this.#transport) for (const { id } of rows) await this.#jobs.send(SEND_JOB, { id }, { trx });
    return rows.map((row) => row.id);
  }

  /**
   * Sends one stored message by SMTP (the job handler).
   * @throws the transport's error, so that the job is retried.
   */
  async deliver(id: string): Promise<void> {
    if (!this.#transport) return;
    const message = await this.#db
      .selectFrom('mail_messages')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!message || message.status === 'sent') return;
    try {
      await this.#transport.sendMail({
        from: this.#from,
        to: message.to_address,
        subject: message.subject,
        text: message.text_body,
        headers: message.headers,
        attachments: (message.attachments ?? []).map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.content, 'base64'),
        })),
      });
      await this.#db
        .updateTable('mail_messages')
        .set((eb) => ({ status: 'sent', sent_at: new Date(), attempts: eb('attempts', '+', 1), error: null }))
        .where('id', '=', id)
        .execute();
    } catch (error) {
      this.#log.warn({ err: error, mail: id }, 'mail delivery failed');
      await this.#db
        .updateTable('mail_messages')
        .set((eb) => ({
          attempts: eb('attempts', '+', 1),
          error: String((error as Error).message).slice(0, 1000),
          status: sql<MailStatus>`CASE WHEN attempts + 1 >= ${MAX_SEND_ATTEMPTS} THEN 'failed' ELSE status END`,
        }))
        .where('id', '=', id)
        .execute();
      throw error;
    }
  }
}
