import { abilitiesOf } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { markdownToText } from '../../../platform/text/markdown.ts';
import type { PostStatus } from '../../../platform/db/schema.ts';
import { kudosPolicy, topicPolicy } from '../support.policy.ts';
import { presentReply, presentTopicSummary } from '../support.presenter.ts';
import { findAuthor, listReplyRows } from '../support.repository.ts';
import type { TopicDto } from '../support.schemas.ts';
import { loadTopic } from './load-support.ts';

/**
 * Returns a topic with its replies, accepted solutions first (as well as in their place), and the
 * viewer's abilities. Staff also see pending replies.
 * @throws AppError(not_found)
 */
export async function getTopic({
  ctx,
  community,
  topicId,
}: {
  ctx: Ctx;
  community: string;
  topicId: string;
}): Promise<TopicDto> {
  const resource = await loadTopic(ctx, community, topicId);
  const { topic } = resource;
  const abilities = {
    ...abilitiesOf(topicPolicy, ctx.actor, resource),
    giveKudos: kudosPolicy.give(ctx.actor, { ...resource, post: { authorId: topic.author_id } }),
  };
  const statuses: PostStatus[] = abilities.moderate ? ['published', 'pending'] : ['published'];
  const [author, replyRows] = await Promise.all([
    findAuthor(ctx.kernel.db, topic.author_id),
    listReplyRows(ctx.kernel.db, topic.id, statuses),
  ]);
  const replies = replyRows.map((row) => presentReply(row, ctx.actor, resource));
  return {
    ...presentTopicSummary({ ...topic, author_pseudonym: author.pseudonym, author_role: author.role }),
    bodyHtml: topic.body_html,
    bodyText: markdownToText(topic.body),
    board: {
      id: topic.board_id,
      slug: topic.board_slug,
      title: topic.board_title,
      visibility: topic.board_visibility,
    },
    solutions: replies.filter((reply) => reply.isSolution),
    replies,
    abilities,
  };
}
