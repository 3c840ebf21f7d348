import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { decodeCursor, toPage } from '../../../platform/http/pagination.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { memberPolicy } from '../members.policy.ts';
import { listAccessLogRows } from '../members.repository.ts';
import type { AccessLogEntryDto } from '../members.schemas.ts';

/**
 * Lists who looked at which member's identity, newest first (community admins, platform admins).
 * @throws AppError(not_found | unauthenticated | forbidden | bad_request: cursor)
 */
export async function getAccessLog({
  ctx,
  community: key,
  limit = 50,
  cursor,
}: {
  ctx: Ctx;
  community: string;
  limit?: number;
  cursor?: string;
}): Promise<{ items: AccessLogEntryDto[]; nextCursor: string | null }> {
  const { community, membership } = await loadCommunity(ctx, key);
  authorize(memberPolicy, 'viewAccessLog', ctx.actor, { community, membership });
  const before = decodeCursor(cursor, ['uuid'])?.[0];
  const rows = await listAccessLogRows(ctx.kernel.db, community.id, { limit, before: before ?? null });
  return toPage(
    rows,
    limit,
    (row) => ({
      id: row.id,
      createdAt: row.created_at.toISOString(),
      actor: { userId: row.actor_user_id, name: row.actor_name, pseudonym: row.actor_pseudonym },
      subject: { memberId: row.subject_id, pseudonym: row.subject_pseudonym },
      fields: row.fields,
      purpose: row.purpose,
    }),
    (row) => [row.id],
  );
}
