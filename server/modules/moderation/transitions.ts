import type { ModerationAction, PostStatus } from '../../platform/db/schema.ts';

/**
 * The status a moderator's action gives a post, or null when the action does not apply to it: approve a
 * pending post (or keep a flagged published one, dismissing its flags), hide a pending or published one,
 * delete anything not yet deleted, restore a hidden or deleted one.
 */
export function nextStatus(
  action: ModerationAction,
  status: PostStatus,
  flagged: boolean,
): PostStatus | null {
  switch (action) {
    case 'approve':
      return status === 'pending' || (status === 'published' && flagged) ? 'published' : null;
    case 'hide':
      return status === 'pending' || status === 'published' ? 'hidden' : null;
    case 'delete':
      return status === 'deleted' ? null : 'deleted';
    case 'restore':
      return status === 'hidden' || status === 'deleted' ? 'published' : null;
  }
}

const ACTIONS: ModerationAction[] = ['approve', 'hide', 'delete', 'restore'];

/** The actions that apply to a post in this status (what the queue offers). */
export function availableActions(status: PostStatus, flagged: boolean): ModerationAction[] {
  return ACTIONS.filter((action) => nextStatus(action, status, flagged) !== null);
}
