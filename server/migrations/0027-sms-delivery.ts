import { type Kysely, sql } from 'kysely';

/**
 * SMS delivery through a provider: a message waits as `queued` until the `sms.send` job has sent it;
 * `attempts`, the last `error`, `sent_at` and the provider's message id (`provider_ref`) are kept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE sms_messages DROP CONSTRAINT sms_messages_status_check;
    ALTER TABLE sms_messages ADD CONSTRAINT sms_messages_status_check
      CHECK (status IN ('captured', 'queued', 'sent', 'failed'));
    ALTER TABLE sms_messages
      ADD COLUMN attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      ADD COLUMN error text CHECK (length(error) <= 1000),
      ADD COLUMN sent_at timestamptz,
      ADD COLUMN provider_ref text CHECK (length(provider_ref) <= 100);
    CREATE INDEX sms_messages_to_idx ON sms_messages (to_number, created_at DESC);
  `.execute(db);
}

/** Drops the delivery columns (queued messages become failed). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    UPDATE sms_messages SET status = 'failed' WHERE status = 'queued';
    DROP INDEX IF EXISTS sms_messages_to_idx;
    ALTER TABLE sms_messages DROP COLUMN attempts, DROP COLUMN error, DROP COLUMN sent_at,
      DROP COLUMN provider_ref;
    ALTER TABLE sms_messages DROP CONSTRAINT sms_messages_status_check;
    ALTER TABLE sms_messages ADD CONSTRAINT sms_messages_status_check
      CHECK (status IN ('captured', 'sent', 'failed'));
  `.execute(db);
}
