import { abilitiesOf } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { isUuid } from '../../../platform/db/ids.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { htmlToText } from '../../../platform/text/markdown.ts';
import type { PostStatus } from '../../../platform/db/schema.ts';
import { flagPolicy } from '../../moderation/moderation.policy.ts';
import { kudosPolicy, seesPendingPosts, topicPolicy } from '../support.policy.ts';
import { presentReply, presentTopicSummary } from '../support.presenter.ts';
import type { TopicDto } from '../support.schemas.ts';
import { countReplies, findTopicPage, listReplyPage, REPLIES_PER_PAGE } from '../topic-page.repository.ts';
import { topicCaseFor } from '../cases/commands/topic-case.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { loadTopicIn } from './load-support.ts';

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
  // A topic shows no member count: the API skips counting them (a web page shares its layout's read).
  const loaded = await loadCommunity(ctx, community, { memberCount: false });
  // Staff see pending replies; members see their own, marked as pending. Both are known from the
  // membership, so the page of replies is read beside the topic.
  const statuses: PostStatus[] = seesPendingPosts(ctx.actor, loaded)
    ? ['published', 'pending']
    : ['published'];
  const ownPending = loaded.membership?.id ?? null;
  const size = REPLIES_PER_PAGE;
  // The topic and its page of replies side by side: replies of a topic the viewer may not read are never shown.
  const [resource, rows] = await Promise.all([
    loadTopicIn(ctx, loaded, topicId, {
      followMerge: true,
      find: (communityId, id) => findTopicPage(ctx.kernel.db, communityId, id),
    }),
    isUuid(topicId)
      ? listReplyPage(ctx.kernel.db, topicId, statuses, { number: page, size }, ownPending)
      : Promise.resolve([]),
  ]);
  const { topic } = resource;
  const abilities = {
    ...abilitiesOf(topicPolicy, ctx.actor, resource),
    giveKudos: kudosPolicy.give(ctx.actor, { ...resource, post: { authorId: topic.author_id } }),
    flag: flagPolicy.flag(ctx.actor, {
      ...resource,
      post: { authorId: topic.author_id, status: topic.status },
    }),
  };
  const support = await topicCaseFor(ctx, resource);
  const totalReplies =
    rows[0]?.total ?? (page > 1 ? await countReplies(ctx.kernel.db, topic.id, statuses, ownPending) : 0);
  const count = Math.max(1, Math.ceil(totalReplies / size));
  if (page > count) throw new AppError('not_found');
  const first = (page - 1) * size + 1;
  const present = (row: (typeof rows)[number]) => presentReply(row, ctx.actor, resource);
  return {
    ...presentTopicSummary(topic),
    communityId: resource.community.id,
    bodyHtml: topic.body_html,
    bodyText: htmlToText(topic.body_html),
    board: {
      id: topic.board_id,
      slug: topic.board_slug,
      title: topic.board_title,
      visibility: topic.board_visibility,
    },
    images: topic.images,
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
