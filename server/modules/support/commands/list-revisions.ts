import type { Ctx } from '../../../platform/context.ts';
import { listRevisionRows } from '../post-edits.repository.ts';
import type { RevisionDto, RevisionListDto } from '../support.schemas.ts';
import { loadReplyForChange } from './load-post.ts';
import { loadTopic } from './load-support.ts';

/** The longest history returned: the latest edits of a post. */
const MAX_REVISIONS = 100;

/**
 * A post's edit history, newest first (its latest 100 edits): who edited, when, which fields changed,
 * and the versions before and after. Anyone who may read the post may read its history.
 * @throws AppError(not_found: unknown, foreign or unreadable post)
 */
export async function listRevisions({
  ctx,
  community,
  target,
}: {
  ctx: Ctx;
  community: string;
  target: { type: 'topic' | 'reply'; id: string };
}): Promise<RevisionListDto> {
  let communityId: string;
  let current: { title: string | null; body: string };
  if (target.type === 'topic') {
    const { community: c, topic } = await loadTopic(ctx, community, target.id);
    communityId = c.id;
    current = { title: topic.title, body: topic.body };
  } else {
    const { community: c, reply } = await loadReplyForChange(ctx, community, target.id);
    communityId = c.id;
    current = { title: null, body: reply.body };
  }
  const rows = await listRevisionRows(ctx.kernel.db, { ...target, communityId }, MAX_REVISIONS);
  const items: RevisionDto[] = [];
  let after = current;
  for (const row of rows) {
    const before = { title: row.title, body: row.body };
    items.push({
      id: row.id,
      editor:
        row.editor_id && row.editor_pseudonym !== null && row.editor_role !== null
          ? { id: row.editor_id, pseudonym: row.editor_pseudonym, role: row.editor_role }
          : null,
      editedAt: row.created_at.toISOString(),
      changed: [
        ...(before.title !== after.title ? (['title'] as const) : []),
        ...(before.body !== after.body ? (['body'] as const) : []),
      ],
      before,
      after,
    });
    after = before;
  }
  return { items };
}
