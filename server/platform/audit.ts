import { newId } from './db/ids.ts';
import type { Queryable } from './db/database.ts';

/** One audited staff action. */
export interface AuditEntry {
  communityId: string | null;
  actorUserId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  data?: Record<string, unknown>;
}

/** Writes an audit-log row (call it inside the command's transaction). */
export async function writeAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      community_id: entry.communityId,
      actor_user_id: entry.actorUserId,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      data: JSON.stringify(entry.data ?? {}),
    })
    .execute();
}
