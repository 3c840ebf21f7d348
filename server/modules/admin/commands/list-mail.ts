import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { decodeCursor, toPage } from '../../../platform/http/pagination.ts';
import { platformPolicy } from '../../communities/communities.policy.ts';

/**
 * Lists the email outbox, newest first, optionally for one recipient (platform admins only).
 * @throws AppError(unauthenticated | forbidden | bad_request: cursor)
 */
export async function listMail({
  ctx,
  to,
  limit = 50,
  cursor,
}: {
  ctx: Ctx;
  to?: string;
  limit?: number;
  cursor?: string;
}) {
  authorize(platformPolicy, 'readMailOutbox', ctx.actor, null);
  const before = decodeCursor(cursor, ['uuid'])?.[0];
  let query = ctx.kernel.db.selectFrom('mail_messages').selectAll();
  if (to) query = query.where((eb) => eb(eb.fn('lower', ['to_address']), '=', to.trim().toLowerCase()));
  if (before) query = query.where('id', '<', before);
  const rows = await query
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  return toPage(
    rows,
    limit,
    (row) => ({
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
    }),
    (row) => [row.id],
  );
}
