import type { Queryable } from '../../../platform/db/database.ts';
import { AppError, type FieldError } from '../../../platform/errors/app-error.ts';
import { findMembersByIds } from '../live.repository.ts';

const MODERATOR_ROLES = new Set(['admin', 'moderator']);
const OBSERVER_ROLES = new Set(['admin', 'moderator', 'observer']);

/**
 * Checks a session's staff lists: moderators are active admins or moderators of the community, observers
 * active staff (observers, moderators, admins); nobody is on both lists.
 * @throws AppError(validation_failed) with the offending paths.
 */
export async function checkStaffLists(
  db: Queryable,
  communityId: string,
  lists: { moderatorIds?: string[]; observerIds?: string[] },
): Promise<void> {
  const ids = [...(lists.moderatorIds ?? []), ...(lists.observerIds ?? [])];
  const members = new Map((await findMembersByIds(db, communityId, ids)).map((m) => [m.id, m]));
  const fields: FieldError[] = [];
  const check = (path: string, list: string[] | undefined, roles: Set<string>) =>
    (list ?? []).forEach((id, index) => {
      const m = members.get(id);
      if (!m || m.status !== 'active' || !roles.has(m.role))
        fields.push({ path: `${path}/${index}`, key: 'live.error.notStaff' });
    });
  check('/moderatorIds', lists.moderatorIds, MODERATOR_ROLES);
  check('/observerIds', lists.observerIds, OBSERVER_ROLES);
  const moderators = new Set(lists.moderatorIds ?? []);
  (lists.observerIds ?? []).forEach((id, index) => {
    if (moderators.has(id)) fields.push({ path: `/observerIds/${index}`, key: 'live.error.bothRoles' });
  });
  if (fields.length > 0) throw new AppError('validation_failed', { fields });
}
