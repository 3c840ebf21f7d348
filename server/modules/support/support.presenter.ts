import type { Actor } from '../../platform/authz/actor.ts';
import { htmlToText } from '../../platform/text/markdown.ts';
import { abilitiesOf } from '../../platform/authz/policy.ts';
import { flagPolicy } from '../moderation/moderation.policy.ts';
import type { BoardRow, ReplyRow, TopicRow } from '../../platform/db/schema.ts';
import type { BoardDto, ImageDto, ReplyDto, TopicSummaryDto } from './support.schemas.ts';
import {
  type BoardResource,
  boardPolicy,
  kudosPolicy,
  replyPolicy,
  type TopicResource,
  topicPolicy,
} from './support.policy.ts';

type WithAuthor = { author_pseudonym: string; author_role: string; author_rank?: string | null };
/** The columns of a reply its presentation reads. */
type PresentedReply = Pick<
  ReplyRow,
  | 'id'
  | 'author_id'
  | 'in_reply_to_id'
  | 'body'
  | 'body_html'
  | 'status'
  | 'is_solution'
  | 'kudos_count'
  | 'official'
  | 'created_at'
  | 'edited_at'
>;

/** Presents a board with its topic count and the viewer's abilities in it. */
export function presentBoard(
  row: BoardRow & { topics_count: number | null },
  viewer: Actor | null,
  resource: BoardResource,
): BoardDto {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    kind: row.kind,
    position: row.position,
    visibility: row.visibility,
    posting: row.posting,
    premoderation: row.premoderation,
    topicsCount: Number(row.topics_count ?? 0),
    abilities: abilitiesOf(boardPolicy, viewer, resource),
  };
}

/** Presents a topic for lists: title, state, counts, tags and the author's pseudonym and role only. */
export function presentTopicSummary(row: TopicRow & WithAuthor & { tags?: string[] }): TopicSummaryDto {
  return {
    id: row.id,
    boardId: row.board_id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    locked: row.locked,
    pinned: row.pinned,
    solved: row.solved,
    repliesCount: row.replies_count,
    kudosCount: row.kudos_count,
    author: {
      id: row.author_id,
      pseudonym: row.author_pseudonym,
      role: row.author_role,
      rank: row.author_rank ?? null,
    },
    createdAt: row.created_at.toISOString(),
    lastActivityAt: row.last_activity_at.toISOString(),
    tags: row.tags ?? [],
  };
}

/** Presents a reply with its images and the viewer's abilities on it (kudos). */
export function presentReply(
  row: PresentedReply & WithAuthor & { images?: ImageDto[] },
  viewer: Actor | null,
  resource: TopicResource,
): ReplyDto {
  return {
    id: row.id,
    bodyHtml: row.body_html,
    // From the stored HTML: parsing every reply's Markdown again would dominate a topic page's CPU.
    bodyText: htmlToText(row.body_html),
    status: row.status,
    isSolution: row.is_solution,
    official: row.official,
    kudosCount: row.kudos_count,
    inReplyToId: row.in_reply_to_id,
    author: {
      id: row.author_id,
      pseudonym: row.author_pseudonym,
      role: row.author_role,
      rank: row.author_rank ?? null,
    },
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    bodySource: replyPolicy.edit(viewer, { ...resource, post: { authorId: row.author_id } })
      ? row.body
      : null,
    images: row.images ?? [],
    abilities: {
      ...abilitiesOf(kudosPolicy, viewer, { ...resource, post: { authorId: row.author_id } }),
      edit: replyPolicy.edit(viewer, { ...resource, post: { authorId: row.author_id } }),
      delete: replyPolicy.delete(viewer, { ...resource, post: { authorId: row.author_id } }),
      acceptSolution: topicPolicy.acceptSolution(viewer, resource),
      flag: flagPolicy.flag(viewer, { ...resource, post: { authorId: row.author_id, status: row.status } }),
    },
  };
}
