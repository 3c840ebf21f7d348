import { Type } from 'typebox';

/** One stored email as the outbox API returns it. */
export const MailMessage = Type.Object({
  id: Type.String(),
  to: Type.String(),
  subject: Type.String(),
  text: Type.String(),
  kind: Type.String(),
  locale: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  error: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  sentAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** Attached files (name, type, size in bytes). */
  attachments: Type.Array(
    Type.Object({ filename: Type.String(), contentType: Type.String(), bytes: Type.Integer() }),
  ),
});
