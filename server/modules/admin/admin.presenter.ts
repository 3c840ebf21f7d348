import type { MailMessageRow } from '../../platform/db/schema.ts';

/** Presents a stored email for the outbox page and API. */
export function presentMail(row: MailMessageRow) {
  return {
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    kind: row.kind,
    locale: row.locale,
    status: row.status,
    attempts: row.attempts,
    error: row.error,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
    attachments: (row.attachments ?? []).map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      bytes: Buffer.from(a.content, 'base64').length,
    })),
  };
}
