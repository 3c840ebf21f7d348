import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { decodeCursor, toPage } from '../../../platform/http/pagination.ts';
import { adminPolicy } from '../admin.policy.ts';
import { presentMail } from '../admin.presenter.ts';
import { listMailRows } from '../admin.repository.ts';

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
  authorize(adminPolicy, 'readMailOutbox', ctx.actor, null);
  const before = decodeCursor(cursor, ['uuid'])?.[0] ?? null;
  const rows = await listMailRows(ctx.kernel.db, { to, before, limit });
  return toPage(rows, limit, presentMail, (row) => [row.id]);
}
