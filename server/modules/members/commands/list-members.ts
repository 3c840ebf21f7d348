import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { CommunityRole, MembershipStatus } from '../../../platform/db/schema.ts';
import { decodeCursor, toPage } from '../../../platform/http/pagination.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { communityPolicy } from '../../communities/communities.policy.ts';
import { memberPolicy } from '../members.policy.ts';
import { presentMember } from '../members.presenter.ts';
import { rankNamesOf } from '../../rewards/rank-labels.ts';
import { listMemberRows } from '../members.repository.ts';
import type { MemberDto } from '../members.schemas.ts';
import { pseudonymKey } from '../pseudonym.ts';

/**
 * Lists a community's members, oldest first. Anyone who can read the community sees active members;
 * pending and suspended ones are listed only for those who manage members (query scope).
 * @throws AppError(not_found | unauthenticated | forbidden | bad_request: cursor)
 */
export async function listMembers({
  ctx,
  community: key,
  query,
}: {
  ctx: Ctx;
  community: string;
  query: { limit?: number; cursor?: string; role?: CommunityRole; status?: MembershipStatus; q?: string };
}): Promise<{ items: MemberDto[]; nextCursor: string | null }> {
  const { community, membership } = await loadCommunity(ctx, key);
  const resource = { community, membership };
  authorize(communityPolicy, 'viewContent', ctx.actor, resource);
  const canManage = memberPolicy.manageMembers(ctx.actor, resource);
  const allowed: MembershipStatus[] = canManage ? ['active', 'pending', 'suspended'] : ['active'];
  const statuses = query.status ? allowed.filter((s) => s === query.status) : allowed;
  const limit = query.limit ?? 20;
  const after = decodeCursor(query.cursor, ['timestamp', 'uuid']) as [string, string] | null;
  const rows =
    statuses.length === 0
      ? []
      : await listMemberRows(ctx.kernel.db, community.id, {
          statuses,
          role: query.role,
          q: query.q ? pseudonymKey(query.q.trim()) : undefined,
          limit,
          after,
        });
  const ranks = await rankNamesOf(
    ctx.kernel.db,
    rows.slice(0, limit).map((r) => r.id),
  );
  return toPage(
    rows,
    limit,
    (row) => presentMember(row, ranks),
    (row) => [row.cursor_joined_at, row.id],
  );
}
