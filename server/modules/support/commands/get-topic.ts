import { abilitiesOf } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { htmlToText } from '../../../platform/text/markdown.ts';
import type { PostStatus } from '../../../platform/db/schema.ts';
import { flagPolicy } from '../../moderation/moderation.policy.ts';
import { kudosPolicy, topicPolicy } from '../support.policy.ts';
import { presentReply, presentTopicSummary } from '../support.presenter.ts';
import type { TopicDto } from '../support.schemas.ts';
import { countReplies, findTopicExtras, listReplyPage, REPLIES_PER_PAGE } from '../topic-page.repository.ts';
import { topicCaseFor } from '../cases/commands/topic-case.ts';
import { loadTopic } from './load-support.ts';

/**
 * Returns a topic with its tags, images, one page of replies (30 a page, oldest first) and every
 * accepted solution (on every page, as well as in their place), and the viewer's abilities. Staff also
 * see pending replies; a member sees their own. A topic merged into another is returned to its board's readers with
 * `mergedIntoId` (and no replies: they moved), so clients follow it.
 * @throws AppError(not_found: unknown or unreadable topic, or a page past the last one)
 */
export async function getTopic({
  ctx,
  community,
  topicId,
  page = 1,
}: {
  ctx: Ctx;
  community: string;
  topicId: string;
  page?: number;
}): Promise<TopicDto> {
  if (!Number.isInteger(page) || page < 1) throw new AppError('not_found');
  const resource = await loadTopic(ctx, community, topicId, { followMerge: true });
  const { topic } = resource;
  const abilities = {
    ...abilitiesOf(topicPolicy, ctx.actor, resource),
    giveKudos: kudosPolicy.give(ctx.actor, { ...resource, post: { authorId: topic.author_id } }),
    flag: flagPolicy.flag(ctx.actor, {
      ...resource,
      post: { authorId: topic.author_id, status: topic.status },
    }),
  };
  const statuses: PostStatus[] = abilities.moderate ? ['published', 'pending'] : ['published'];
  // Members see their own replies waiting for moderation, marked as pending.
  const ownPending = resource.membership?.id ?? null;
  const size = REPLIES_PER_PAGE;
  const [extras, rows, support] = await Promise.all([
    findTopicExtras(ctx.kernel.db, topic),
    listReplyPage(ctx.kernel.db, topic.id, statuses, { number: page, size }, ownPending),
    topicCaseFor(ctx, resource),
  ]);
  const totalReplies =
    rows[0]?.total ?? (page > 1 ? await countReplies(ctx.kernel.db, topic.id, statuses, ownPending) : 0);
  const count = Math.max(1, Math.ceil(totalReplies / size));
  if (page > count) throw new AppError('not_found');
  const first = (page - 1) * size + 1;
  const present = (row: (typeof rows)[number]) => presentReply(row, ctx.actor, resource);
  return {
    ...presentTopicSummary({
      ...topic,
      author_pseudonym: extras.pseudonym,
      author_role: extras.role,
      author_rank: extras.rank,
      tags: extras.tags,
    }),
    communityId: resource.community.id,
    bodyHtml: topic.body_html,
    bodyText: htmlToText(topic.body_html),
    board: {
      id: topic.board_id,
      slug: topic.board_slug,
      title: topic.board_title,
      visibility: topic.board_visibility,
    },
    images: extras.images,
    editedAt: topic.edited_at?.toISOString() ?? null,
    bodySource: abilities.edit ? topic.body : null,
    mergedIntoId: topic.merged_into_id,
    case: support.case,
    solutions: rows.filter((row) => row.is_solution).map(present),
    replies: rows.filter((row) => row.rn >= first && row.rn < first + size).map(present),
    page: { number: page, size, count, totalReplies },
    abilities: { ...abilities, ...support.abilities },
  };
}
